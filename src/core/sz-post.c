/* sz-post.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sz-db.h"
#include "sz-post.h"
#include "sz-roster.h"

static const char * const chosen_names[] = { "election", "recommendation", "self_nomination", "appointment" };

const char *
sz_chosen_by_to_string (SzChosenBy chosen_by)
{
  g_return_val_if_fail (chosen_by < G_N_ELEMENTS (chosen_names), NULL);
  return chosen_names[chosen_by];
}

gboolean
sz_chosen_by_from_string (const char *str,
                          SzChosenBy *chosen_by)
{
  for (guint i = 0; i < G_N_ELEMENTS (chosen_names); i++)
    if (g_strcmp0 (str, chosen_names[i]) == 0)
      {
        *chosen_by = i;
        return TRUE;
      }
  return FALSE;
}

const char *
sz_chosen_by_title (SzChosenBy chosen_by)
{
  switch (chosen_by)
    {
    case SZ_CHOSEN_ELECTION: return _("Election");
    case SZ_CHOSEN_RECOMMENDATION: return _("Recommendation");
    case SZ_CHOSEN_SELF_NOMINATION: return _("Self-nomination");
    case SZ_CHOSEN_APPOINTMENT: return _("Appointment");
    default: g_return_val_if_reached (NULL);
    }
}

char *
sz_today (void)
{
  /* GLib 2.74 parses the zone file again on every
   * g_date_time_new_now_local() when TZ is unset (its cache compares the
   * zone's name with the unset TZ): keep the zone while TZ stays the same.
   * An import asks for today thousands of times. */
  static GMutex lock;
  static GTimeZone *zone;
  static char *zone_tz;
  g_autoptr(GDateTime) now = NULL;
  const char *tz = g_getenv ("TZ");

  g_mutex_lock (&lock);
  if (zone == NULL || g_strcmp0 (tz, zone_tz) != 0)
    {
      g_clear_pointer (&zone, g_time_zone_unref);
      g_free (zone_tz);
      zone_tz = g_strdup (tz);
      zone = g_time_zone_new_local ();
    }
  now = g_date_time_new_now (zone);
  g_mutex_unlock (&lock);
  return g_date_time_format (now, "%Y-%m-%d");
}

void
sz_post_free (SzPost *post)
{
  if (post == NULL)
    return;
  g_free (post->person_name);
  g_free (post->start_date);
  g_free (post->end_date);
  g_free (post->end_reason);
  g_free (post);
}

/* The column of post that holds the place of @level. */
static const char *
place_column (SzLevel level)
{
  switch (level)
    {
    case SZ_LEVEL_GRID: return "grid_id";
    case SZ_LEVEL_BUILDING: return "building_id";
    case SZ_LEVEL_UNIT: return "unit_id";
    default: g_assert_not_reached ();
    }
}

#define POST_SELECT "SELECT p.id, p.level, coalesce(p.grid_id, p.building_id, p.unit_id), p.person_id," \
                    " n.name, p.start_date, p.end_date, p.end_reason, p.chosen_by" \
                    " FROM post p JOIN person n ON n.id = p.person_id"

static SzPost *
post_from_row (SzStmt *stmt)
{
  SzPost *p = g_new0 (SzPost, 1);

  p->id = sz_stmt_column_int64 (stmt, 0);
  sz_level_from_string ((const char *) sz_stmt_column_text (stmt, 1), &p->level);
  p->place_id = sz_stmt_column_int64 (stmt, 2);
  p->person_id = sz_stmt_column_int64 (stmt, 3);
  p->person_name = sz_db_column_dup (stmt, 4);
  p->start_date = sz_db_column_dup (stmt, 5);
  p->end_date = sz_db_column_dup (stmt, 6);
  p->end_reason = sz_db_column_dup (stmt, 7);
  sz_chosen_by_from_string ((const char *) sz_stmt_column_text (stmt, 8), &p->chosen_by);
  return p;
}

SzPost *
sz_post_get_current (SzDb     *db,
                     SzLevel   level,
                     gint64    place_id,
                     GError  **error)
{
  g_autofree char *sql = NULL;
  SzStmt *stmt;
  SzPost *post;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (level < SZ_N_LEVELS, NULL);

  sql = g_strdup_printf (POST_SELECT " WHERE p.%s = ?1 AND p.end_date IS NULL", place_column (level));
  stmt = sz_db_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  sz_stmt_bind_int64 (stmt, 1, place_id);
  if (sz_db_step (db, stmt, error) != SQLITE_ROW)
    return NULL;
  post = post_from_row (stmt);
  sz_stmt_reset (stmt);
  return post;
}

GPtrArray *
sz_post_history (SzDb     *db,
                 SzLevel   level,
                 gint64    place_id,
                 GError  **error)
{
  g_autofree char *sql = NULL;
  SzStmt *stmt;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (level < SZ_N_LEVELS, NULL);

  sql = g_strdup_printf (POST_SELECT " WHERE p.%s = ?1 ORDER BY p.end_date IS NULL DESC, p.start_date DESC, p.id DESC",
                         place_column (level));
  stmt = sz_db_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  sz_stmt_bind_int64 (stmt, 1, place_id);
  return sz_row_collect (db, stmt, (gpointer) post_from_row, (GDestroyNotify) sz_post_free, error);
}

GPtrArray *
sz_post_list_for_person (SzDb    *db,
                         gint64   person_id,
                         GError **error)
{
  SzStmt *stmt;

  g_return_val_if_fail (db != NULL, NULL);

  stmt = sz_db_prepare (db, POST_SELECT " WHERE p.person_id = ?1 ORDER BY p.end_date IS NULL DESC, p.start_date DESC", error);
  if (stmt == NULL)
    return NULL;
  sz_stmt_bind_int64 (stmt, 1, person_id);
  return sz_row_collect (db, stmt, (gpointer) post_from_row, (GDestroyNotify) sz_post_free, error);
}

static gboolean
close_term (SzDb        *db,
            gint64       post_id,
            const char  *end_date,
            const char  *reason,
            GError     **error)
{
  SzStmt *stmt = sz_db_prepare (db, "UPDATE post SET end_date = ?2, end_reason = ?3 WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sz_stmt_bind_int64 (stmt, 1, post_id);
  sz_db_bind_text (stmt, 2, end_date);
  sz_db_bind_text (stmt, 3, reason);
  return sz_row_finish_write (db, stmt, NULL, error);
}

static gboolean
insert_post (SzDb        *db,
             SzLevel      level,
             gint64       place_id,
             gint64       person_id,
             const char  *date,
             SzChosenBy   chosen_by,
             gint64      *new_id,
             GError     **error)
{
  SzStmt *stmt = sz_db_prepare (db, "INSERT INTO post (level, grid_id, building_id, unit_id, person_id,"
                                          " start_date, chosen_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);

  if (stmt == NULL)
    return FALSE;
  sz_db_bind_text (stmt, 1, sz_level_to_string (level));
  sz_db_bind_id_opt (stmt, 2, level == SZ_LEVEL_GRID ? place_id : 0);
  sz_db_bind_id_opt (stmt, 3, level == SZ_LEVEL_BUILDING ? place_id : 0);
  sz_db_bind_id_opt (stmt, 4, level == SZ_LEVEL_UNIT ? place_id : 0);
  sz_stmt_bind_int64 (stmt, 5, person_id);
  sz_db_bind_text (stmt, 6, date);
  sz_db_bind_text (stmt, 7, sz_chosen_by_to_string (chosen_by));
  return sz_row_finish_write (db, stmt, new_id, error);
}

gboolean
sz_post_appoint_vacant (SzDb        *db,
                        SzLevel      level,
                        gint64       place_id,
                        gint64       person_id,
                        const char  *start_date,
                        SzChosenBy   chosen_by,
                        GError     **error)
{
  gint64 new_id = 0;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (sz_db_in_transaction (db), FALSE);
  g_return_val_if_fail (level < SZ_N_LEVELS && chosen_by <= SZ_CHOSEN_APPOINTMENT, FALSE);
  g_return_val_if_fail (start_date != NULL, FALSE);
  return insert_post (db, level, place_id, person_id, start_date, chosen_by, &new_id, error);
}

gboolean
sz_post_appoint (SzDb        *db,
                 SzLevel      level,
                 gint64       place_id,
                 gint64       person_id,
                 const char  *start_date,
                 SzChosenBy   chosen_by,
                 gint64      *post_id,
                 GError     **error)
{
  g_autofree char *date = start_date ? g_strdup (start_date) : sz_today ();
  g_autofree char *place_sql = NULL;
  g_autoptr(SzPost) current = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *place_table;
  gint64 new_id = 0;
  gboolean ok;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (level < SZ_N_LEVELS, FALSE);

  if (chosen_by > SZ_CHOSEN_APPOINTMENT)
    {
      g_set_error (error, SZ_ROSTER_ERROR, SZ_ROSTER_ERROR_INVALID,
                   _("How chosen: not one of election, recommendation, self-nomination or appointment."));
      return FALSE;
    }
  if (!sz_validate_date (_("Start date"), &date, TRUE, error))
    return FALSE;

  place_table = level == SZ_LEVEL_GRID ? "grid" : level == SZ_LEVEL_BUILDING ? "building" : "unit";
  place_sql = g_strdup_printf ("SELECT 1 FROM %s WHERE id = ?1", place_table);

  if (!sz_db_begin (db, error))
    return FALSE;
  ok = sz_row_require (db, place_sql, place_id, sz_level_place_title (level), error)
       && sz_row_require (db, "SELECT 1 FROM person WHERE id = ?1", person_id, _("Person"), error);
  if (ok)
    {
      current = sz_post_get_current (db, level, place_id, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          ok = FALSE;
        }
    }
  if (ok && current != NULL)
    {
      if (current->person_id == person_id)
        {
          g_set_error (error, SZ_ROSTER_ERROR, SZ_ROSTER_ERROR_DUPLICATE,
                       /* Translators: %s is a person's name, then the post ("Unit head") */
                       _("%s is already the %s here."), current->person_name, sz_level_head_title (level));
          ok = FALSE;
        }
      else if (strcmp (date, current->start_date) < 0)
        {
          g_set_error (error, SZ_ROSTER_ERROR, SZ_ROSTER_ERROR_INVALID,
                       /* Translators: the first %s is the date given, the second a person's name,
                          the third the date their term began */
                       _("Start date: %s is before the current head %s took office (%s)."),
                       date, current->person_name, current->start_date);
          ok = FALSE;
        }
      else
        {
          g_autofree char *reason = NULL;
          SzStmt *name_stmt = sz_db_prepare (db, "SELECT name FROM person WHERE id = ?1", error);

          ok = name_stmt != NULL;
          if (ok)
            {
              sz_stmt_bind_int64 (name_stmt, 1, person_id);
              ok = sz_db_step (db, name_stmt, error) == SQLITE_ROW;
              if (ok)
                /* Translators: why a term ended; %s is the new head's name */
                reason = g_strdup_printf (_("Succeeded by %s"), (const char *) sz_stmt_column_text (name_stmt, 0));
              sz_stmt_reset (name_stmt);
            }
          ok = ok && close_term (db, current->id, date, reason, error);
        }
    }
  if (ok)
    ok = insert_post (db, level, place_id, person_id, date, chosen_by, &new_id, error);
  if (ok && post_id)
    *post_id = new_id;
  return sz_db_end (db, ok, error);
}

gboolean
sz_post_end (SzDb        *db,
             gint64       post_id,
             const char  *end_date,
             const char  *reason,
             GError     **error)
{
  g_autofree char *date = end_date ? g_strdup (end_date) : sz_today ();
  g_autofree char *why = g_strdup (reason);
  SzStmt *stmt;
  gboolean ok;

  g_return_val_if_fail (db != NULL, FALSE);

  if (!sz_validate_date (_("End date"), &date, TRUE, error)
      || !sz_validate_text (_("Reason for leaving"), &why, TRUE, 200, error))
    return FALSE;

  if (!sz_db_begin (db, error))
    return FALSE;
  stmt = sz_db_prepare (db, "SELECT start_date, end_date FROM post WHERE id = ?1", error);
  ok = stmt != NULL;
  if (ok)
    {
      int rc;

      sz_stmt_bind_int64 (stmt, 1, post_id);
      rc = sz_db_step (db, stmt, error);
      ok = rc == SQLITE_ROW;
      if (rc == SQLITE_DONE)
        sz_set_not_found (error, _("Term of office"), post_id);
      else if (ok && sz_stmt_column_type (stmt, 1) != SQLITE_NULL)
        {
          g_set_error (error, SZ_ROSTER_ERROR, SZ_ROSTER_ERROR_INVALID,
                       /* Translators: %s is a date */
                       _("This term already ended on %s."), (const char *) sz_stmt_column_text (stmt, 1));
          ok = FALSE;
        }
      else if (ok && strcmp (date, (const char *) sz_stmt_column_text (stmt, 0)) < 0)
        {
          g_set_error (error, SZ_ROSTER_ERROR, SZ_ROSTER_ERROR_INVALID,
                       /* Translators: the first %s is the date given, the second the start of the term */
                       _("End date: %s is before the term began (%s)."),
                       date, (const char *) sz_stmt_column_text (stmt, 0));
          ok = FALSE;
        }
      sz_stmt_reset (stmt);
    }
  ok = ok && close_term (db, post_id, date, why, error);
  return sz_db_end (db, ok, error);
}
