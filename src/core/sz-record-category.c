/* sz-record-category.c: the categories of issue records (供水, 供电, 物业
 * …): seeded in the user's language, added, renamed, ordered, retired.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sz-db.h"
#include "sz-record.h"
#include "sz-record-private.h"
#include "sz-roster.h"
#include "sz-validate.h"

void
sz_record_category_free (SzRecordCategory *category)
{
  if (category == NULL)
    return;
  g_free (category->name);
  g_free (category);
}

gboolean
sz_record_category_seed (SzDb    *db,
                         GError **error)
{
  static const struct
  {
    const char  *name;
    SzTimeClass  time_class;
  } defaults[] = {
    { N_("Water supply"), SZ_TIME_UTILITY },
    { N_("Electricity"), SZ_TIME_UTILITY },
    { N_("Gas"), SZ_TIME_UTILITY },
    { N_("Heating"), SZ_TIME_UTILITY },
    { N_("Property and repairs"), SZ_TIME_GENERAL },
    { N_("Sanitation"), SZ_TIME_GENERAL },
    { N_("Neighbour dispute and noise"), SZ_TIME_GENERAL },
    { N_("Safety hazard"), SZ_TIME_EMERGENCY },
    { N_("Parking"), SZ_TIME_GENERAL },
    { N_("Greening"), SZ_TIME_GENERAL },
    { N_("Elderly care"), SZ_TIME_GENERAL },
    { N_("Policy enquiry"), SZ_TIME_GENERAL },
    { N_("Other"), SZ_TIME_GENERAL },
  };
  gboolean ok;

  if (!sz_db_begin (db, error))
    return FALSE;
  ok = TRUE;
  for (guint i = 0; ok && i < G_N_ELEMENTS (defaults); i++)
    ok = sz_record_category_add (db, _(defaults[i].name), defaults[i].time_class, NULL, error);
  return sz_db_end (db, ok, error);
}

static SzRecordCategory *
category_from_row (SzStmt *stmt)
{
  SzRecordCategory *c = g_new0 (SzRecordCategory, 1);

  c->id = sz_stmt_column_int64 (stmt, 0);
  c->name = sz_db_column_dup (stmt, 1);
  if (!sz_time_class_from_string ((const char *) sz_stmt_column_text (stmt, 2), &c->time_class))
    c->time_class = SZ_TIME_GENERAL;
  c->position = sz_stmt_column_int (stmt, 3);
  c->retired = sz_stmt_column_int (stmt, 4);
  return c;
}

#define CATEGORY_COLUMNS "SELECT id, name, time_class, position, retired FROM record_category"

GPtrArray *
sz_record_category_list (SzDb      *db,
                         gboolean   with_retired,
                         GError   **error)
{
  SzStmt *stmt;

  g_return_val_if_fail (db != NULL, NULL);

  stmt = sz_db_prepare (db, CATEGORY_COLUMNS " WHERE ?1 <> 0 OR retired = 0 ORDER BY position, id", error);
  if (stmt == NULL)
    return NULL;
  sz_stmt_bind_int (stmt, 1, with_retired);
  return sz_row_collect (db, stmt, (gpointer) category_from_row, (GDestroyNotify) sz_record_category_free, error);
}

SzRecordCategory *
sz_record_category_get (SzDb     *db,
                        gint64    id,
                        GError  **error)
{
  SzStmt *stmt = sz_db_prepare (db, CATEGORY_COLUMNS " WHERE id = ?1", error);

  return stmt ? sz_row_get (db, stmt, id, _("Category"), (gpointer) category_from_row, error) : NULL;
}

SzRecordCategory *
sz_record_category_find (SzDb        *db,
                         const char  *name,
                         GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name ? name : ""));
  SzStmt *stmt = sz_db_prepare (db, CATEGORY_COLUMNS " WHERE name = ?1", error);
  SzRecordCategory *c = NULL;

  if (stmt == NULL)
    return NULL;
  sz_db_bind_text (stmt, 1, trimmed);
  switch (sz_db_step (db, stmt, error))
    {
    case SQLITE_ROW:
      c = category_from_row (stmt);
      break;
    case SQLITE_DONE:
      break;
    default:
      return NULL;
    }
  sz_stmt_reset (stmt);
  return c;
}

/* Checks the name and that no other category has it. */
static gboolean
check_category_name (SzDb         *db,
                     char        **name,
                     gint64        id,
                     GError      **error)
{
  g_autoptr(SzRecordCategory) other = NULL;
  g_autoptr(GError) local = NULL;

  if (!sz_validate_text (_("Category"), name, TRUE, 40, error))
    return FALSE;
  other = sz_record_category_find (db, *name, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (other != NULL && other->id != id)
    {
      g_set_error (error, SZ_RECORD_ERROR, SZ_RECORD_ERROR_INVALID,
                   _("Category: there is already a category named “%s”."), *name);
      return FALSE;
    }
  return TRUE;
}

gboolean
sz_record_category_add (SzDb         *db,
                        const char   *name,
                        SzTimeClass   time_class,
                        gint64       *id,
                        GError      **error)
{
  g_autofree char *clean = g_strdup (name);
  SzStmt *stmt;
  gint64 new_id = 0;
  gboolean ok;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail ((guint) time_class < SZ_N_TIME_CLASSES, FALSE);

  if (!sz_db_begin (db, error))
    return FALSE;
  ok = check_category_name (db, &clean, 0, error)
       && (stmt = sz_db_prepare (db, "INSERT INTO record_category (name, time_class, position)"
                                     " VALUES (?1, ?2, (SELECT coalesce(max(position), 0) + 1 FROM record_category))",
                                 error)) != NULL;
  if (ok)
    {
      sz_db_bind_text (stmt, 1, clean);
      sz_db_bind_text (stmt, 2, sz_time_class_to_string (time_class));
      ok = sz_row_finish_write (db, stmt, &new_id, error);
    }
  if (!sz_db_end (db, ok, error))
    return FALSE;
  if (id != NULL)
    *id = new_id;
  return TRUE;
}

gboolean
sz_record_category_update (SzDb         *db,
                           gint64        id,
                           const char   *name,
                           SzTimeClass   time_class,
                           GError      **error)
{
  g_autofree char *clean = g_strdup (name);
  g_autoptr(SzRecordCategory) old = NULL;
  SzStmt *stmt;
  gboolean ok;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail ((guint) time_class < SZ_N_TIME_CLASSES, FALSE);

  if (!sz_db_begin (db, error))
    return FALSE;
  ok = (old = sz_record_category_get (db, id, error)) != NULL
       && check_category_name (db, &clean, id, error)
       && (stmt = sz_db_prepare (db, "UPDATE record_category SET name = ?2, time_class = ?3 WHERE id = ?1",
                                 error)) != NULL;
  if (ok)
    {
      sz_stmt_bind_int64 (stmt, 1, id);
      sz_db_bind_text (stmt, 2, clean);
      sz_db_bind_text (stmt, 3, sz_time_class_to_string (time_class));
      ok = sz_row_finish_write (db, stmt, NULL, error);
    }
  return sz_db_end (db, ok, error);
}

gboolean
sz_record_category_move (SzDb     *db,
                         gint64    id,
                         int       position,
                         GError  **error)
{
  g_autoptr(GPtrArray) list = NULL;
  gboolean ok;
  int from = -1;

  g_return_val_if_fail (db != NULL, FALSE);

  if (!sz_db_begin (db, error))
    return FALSE;
  ok = (list = sz_record_category_list (db, TRUE, error)) != NULL;
  for (guint i = 0; ok && i < list->len; i++)
    if (((SzRecordCategory *) list->pdata[i])->id == id)
      from = i;
  if (ok && from < 0)
    {
      sz_set_not_found (error, _("Category"), id);
      ok = FALSE;
    }
  ok = ok && sz_validate_range (_("Order in the list"), position, 1, list->len, error);
  if (ok)
    {
      gpointer moved = g_ptr_array_steal_index (list, from);

      g_ptr_array_insert (list, position - 1, moved);
      for (guint i = 0; ok && i < list->len; i++)
        {
          SzRecordCategory *c = list->pdata[i];
          SzStmt *stmt;

          if (c->position == (int) i + 1)
            continue;
          ok = (stmt = sz_db_prepare (db, "UPDATE record_category SET position = ?2 WHERE id = ?1", error)) != NULL;
          if (ok)
            {
              sz_stmt_bind_int64 (stmt, 1, c->id);
              sz_stmt_bind_int (stmt, 2, i + 1);
              ok = sz_row_finish_write (db, stmt, NULL, error);
            }
        }
    }
  return sz_db_end (db, ok, error);
}

gboolean
sz_record_category_set_retired (SzDb      *db,
                                gint64     id,
                                gboolean   retired,
                                GError   **error)
{
  SzStmt *stmt;
  gboolean ok;

  if (!sz_db_begin (db, error))
    return FALSE;
  ok = sz_row_require (db, "SELECT 1 FROM record_category WHERE id = ?1", id, _("Category"), error)
       && (stmt = sz_db_prepare (db, "UPDATE record_category SET retired = ?2 WHERE id = ?1", error)) != NULL;
  if (ok)
    {
      sz_stmt_bind_int64 (stmt, 1, id);
      sz_stmt_bind_int (stmt, 2, retired ? 1 : 0);
      ok = sz_row_finish_write (db, stmt, NULL, error);
    }
  return sz_db_end (db, ok, error);
}

gboolean
sz_record_category_remove (SzDb      *db,
                           gint64     id,
                           gboolean   retire_if_used,
                           GError   **error)
{
  g_autoptr(SzRecordCategory) c = NULL;
  gint64 used = 0;
  gboolean ok;

  if (!sz_db_begin (db, error))
    return FALSE;
  ok = (c = sz_record_category_get (db, id, error)) != NULL
       && sz_row_count (db, "SELECT count(*) FROM record WHERE category_id = ?1", id, &used, error);
  if (ok && used > 0)
    {
      if (retire_if_used)
        ok = sz_record_category_set_retired (db, id, TRUE, error);
      else
        {
          g_set_error (error, SZ_RECORD_ERROR, SZ_RECORD_ERROR_IN_USE,
                       g_dngettext (GETTEXT_PACKAGE,
                                    "The category “%s” is used by %d record: it can be retired but not deleted.",
                                    "The category “%s” is used by %d records: it can be retired but not deleted.",
                                    (gulong) used),
                       c->name, (int) used);
          ok = FALSE;
        }
    }
  else if (ok)
    ok = sz_row_delete (db, "DELETE FROM record_category WHERE id = ?1", id, _("Category"), error);
  return sz_db_end (db, ok, error);
}

