/* sz-duty.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sz-db.h"
#include "sz-duty.h"
#include "sz-roster.h"

void
sz_duty_free (SzDuty *duty)
{
  if (duty == NULL)
    return;
  g_free (duty->text);
  g_free (duty);
}

/* The five duties of the policy (收集民情信息, 宣传政策法规, 调处纠纷矛盾,
 * 开展便民服务, 实施有效监督), seeded for every level. */
static const char * const default_duties[] = {
  N_("Collect residents' information"),
  N_("Publicise policies and regulations"),
  N_("Mediate disputes"),
  N_("Provide convenience services"),
  N_("Supervise effectively"),
};

const char * const *
sz_duty_default_msgids (guint *n)
{
  g_return_val_if_fail (n != NULL, NULL);
  *n = G_N_ELEMENTS (default_duties);
  return default_duties;
}

gboolean
sz_duty_seed_defaults (SzDb    *db,
                       GError **error)
{
  guint n = 0;
  const char * const *defaults = sz_duty_default_msgids (&n);
  gboolean ok;

  if (!sz_db_begin (db, error))
    return FALSE;
  ok = TRUE;
  for (guint l = 0; ok && l < SZ_N_LEVELS; l++)
    for (guint i = 0; ok && i < n; i++)
      ok = sz_duty_add (db, l, _(defaults[i]), NULL, error);
  return sz_db_end (db, ok, error);
}

static SzDuty *
duty_from_row (SzStmt *stmt)
{
  SzDuty *d = g_new0 (SzDuty, 1);

  d->id = sz_stmt_column_int64 (stmt, 0);
  sz_level_from_string ((const char *) sz_stmt_column_text (stmt, 1), &d->level);
  d->position = sz_stmt_column_int (stmt, 2);
  d->text = sz_db_column_dup (stmt, 3);
  return d;
}

GPtrArray *
sz_duty_list (SzDb     *db,
              SzLevel   level,
              GError  **error)
{
  SzStmt *stmt;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (level < SZ_N_LEVELS, NULL);

  stmt = sz_db_prepare (db, "SELECT id, level, position, text FROM duty WHERE level = ?1 ORDER BY position, id", error);
  if (stmt == NULL)
    return NULL;
  sz_db_bind_text (stmt, 1, sz_level_to_string (level));
  return sz_row_collect (db, stmt, (gpointer) duty_from_row, (GDestroyNotify) sz_duty_free, error);
}

gboolean
sz_duty_add (SzDb        *db,
             SzLevel      level,
             const char  *text,
             gint64      *id,
             GError     **error)
{
  g_autofree char *value = g_strdup (text);
  SzStmt *stmt;
  gint64 new_id = 0;
  gboolean ok;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (level < SZ_N_LEVELS, FALSE);

  if (!sz_validate_text (_("Duty"), &value, TRUE, 120, error))
    return FALSE;
  if (!sz_db_begin (db, error))
    return FALSE;
  stmt = sz_db_prepare (db, "INSERT INTO duty (level, position, text)"
                            " VALUES (?1, (SELECT coalesce(max(position), 0) + 1 FROM duty WHERE level = ?1), ?2)",
                        error);
  ok = stmt != NULL;
  if (ok)
    {
      sz_db_bind_text (stmt, 1, sz_level_to_string (level));
      sz_db_bind_text (stmt, 2, value);
      ok = sz_row_finish_write (db, stmt, &new_id, error);
    }
  if (ok && id)
    *id = new_id;
  return sz_db_end (db, ok, error);
}

gboolean
sz_duty_update (SzDb        *db,
                gint64       id,
                const char  *text,
                GError     **error)
{
  g_autofree char *value = g_strdup (text);
  SzStmt *stmt;
  gboolean ok;

  g_return_val_if_fail (db != NULL, FALSE);

  if (!sz_validate_text (_("Duty"), &value, TRUE, 120, error))
    return FALSE;
  if (!sz_db_begin (db, error))
    return FALSE;
  ok = sz_row_require (db, "SELECT 1 FROM duty WHERE id = ?1", id, _("Duty"), error);
  if (ok)
    {
      stmt = sz_db_prepare (db, "UPDATE duty SET text = ?2 WHERE id = ?1", error);
      ok = stmt != NULL;
      if (ok)
        {
          sz_stmt_bind_int64 (stmt, 1, id);
          sz_db_bind_text (stmt, 2, value);
          ok = sz_row_finish_write (db, stmt, NULL, error);
        }
    }
  return sz_db_end (db, ok, error);
}

gboolean
sz_duty_delete (SzDb    *db,
                gint64   id,
                GError **error)
{
  return sz_row_delete (db, "DELETE FROM duty WHERE id = ?1", id, _("Duty"), error);
}

gboolean
sz_duty_move (SzDb    *db,
              gint64   id,
              int      position,
              GError **error)
{
  g_autoptr(SzDuty) duty = NULL;
  g_autoptr(GPtrArray) list = NULL;
  gboolean ok = TRUE;
  guint from = 0;

  g_return_val_if_fail (db != NULL, FALSE);

  if (!sz_db_begin (db, error))
    return FALSE;
  {
    SzStmt *stmt = sz_db_prepare (db, "SELECT id, level, position, text FROM duty WHERE id = ?1", error);
    duty = stmt ? sz_row_get (db, stmt, id, _("Duty"), (gpointer) duty_from_row, error) : NULL;
  }
  ok = duty != NULL && (list = sz_duty_list (db, duty->level, error)) != NULL;
  if (ok)
    ok = sz_validate_range (_("Order in the list"), position, 1, list->len, error);
  if (ok)
    {
      /* Renumber the whole level 1..n in the new order. */
      for (guint i = 0; i < list->len; i++)
        if (((SzDuty *) list->pdata[i])->id == id)
          from = i;
      {
        gpointer moved = g_ptr_array_steal_index (list, from);
        g_ptr_array_insert (list, position - 1, moved);
      }
      for (guint i = 0; ok && i < list->len; i++)
        {
          SzDuty *d = list->pdata[i];
          SzStmt *stmt;

          if (d->position == (int) i + 1)
            continue;
          stmt = sz_db_prepare (db, "UPDATE duty SET position = ?2 WHERE id = ?1", error);
          ok = stmt != NULL;
          if (ok)
            {
              sz_stmt_bind_int64 (stmt, 1, d->id);
              sz_stmt_bind_int (stmt, 2, i + 1);
              ok = sz_row_finish_write (db, stmt, NULL, error);
            }
        }
    }
  return sz_db_end (db, ok, error);
}
