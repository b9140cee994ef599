/* sz-hotline.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "sz-db.h"
#include "sz-hotline.h"
#include "sz-phone.h"
#include "sz-roster.h"
#include "sz-validate.h"

/* Categories and scopes */

static const char * const category_names[SZ_N_HOTLINE_CATEGORIES] = {
  "water", "electricity", "gas", "heating", "property", "community_office",
  "police_station", "city_hotline", "supervision", "emergency", "other",
};

static const char * const category_titles[SZ_N_HOTLINE_CATEGORIES] = {
  N_("Water"), N_("Electricity"), N_("Gas"), N_("Heating"), N_("Property management"),
  N_("Community office"), N_("Police station"),
  /* Translators: the city's 12345 public-service hotline */
  N_("City service hotline"),
  N_("Supervision"), N_("Emergency"), N_("Other"),
};

static const char * const scope_names[SZ_N_SCOPES] = { "community", "compound", "building" };
/* The same words as the roster's record names. */
static const char * const scope_titles[SZ_N_SCOPES] = { N_("Community"), N_("Compound"), N_("Building") };

const char *
sz_hotline_category_to_string (SzHotlineCategory category)
{
  g_return_val_if_fail ((guint) category < SZ_N_HOTLINE_CATEGORIES, NULL);
  return category_names[category];
}

gboolean
sz_hotline_category_from_string (const char        *str,
                                 SzHotlineCategory *category)
{
  int i = sz_name_index (category_names, SZ_N_HOTLINE_CATEGORIES, str);

  g_return_val_if_fail (category != NULL, FALSE);
  if (i < 0)
    return FALSE;
  *category = i;
  return TRUE;
}

const char *
sz_hotline_category_title (SzHotlineCategory category)
{
  g_return_val_if_fail ((guint) category < SZ_N_HOTLINE_CATEGORIES, NULL);
  return _(category_titles[category]);
}

const char *
sz_hotline_category_msgid (SzHotlineCategory category)
{
  g_return_val_if_fail ((guint) category < SZ_N_HOTLINE_CATEGORIES, NULL);
  return category_titles[category];
}

const char *
sz_scope_to_string (SzScope scope)
{
  g_return_val_if_fail ((guint) scope < SZ_N_SCOPES, NULL);
  return scope_names[scope];
}

gboolean
sz_scope_from_string (const char *str,
                      SzScope    *scope)
{
  int i = sz_name_index (scope_names, SZ_N_SCOPES, str);

  g_return_val_if_fail (scope != NULL, FALSE);
  if (i < 0)
    return FALSE;
  *scope = i;
  return TRUE;
}

const char *
sz_scope_title (SzScope scope)
{
  g_return_val_if_fail ((guint) scope < SZ_N_SCOPES, NULL);
  return _(scope_titles[scope]);
}

/* SQL per scope, indexed by SzScope.  The table's CHECK ties the scope to
 * the one id column that is set, so the column alone selects a scope. */

#define HOTLINE_COLUMNS "id, category, label, number, scope," \
                        " coalesce(community_id, compound_id, building_id), verified_on, position"

static const char * const place_exists_sql[SZ_N_SCOPES] = {
  "SELECT 1 FROM community WHERE id = ?1",
  "SELECT 1 FROM compound WHERE id = ?1",
  "SELECT 1 FROM building WHERE id = ?1",
};

static const char * const list_scope_sql[SZ_N_SCOPES] = {
  "SELECT " HOTLINE_COLUMNS " FROM hotline WHERE community_id = ?1",
  "SELECT " HOTLINE_COLUMNS " FROM hotline WHERE compound_id = ?1",
  "SELECT " HOTLINE_COLUMNS " FROM hotline WHERE building_id = ?1",
};

static const char * const next_position_sql[SZ_N_SCOPES] = {
  "SELECT coalesce(max(position), 0) + 1 FROM hotline WHERE community_id = ?1",
  "SELECT coalesce(max(position), 0) + 1 FROM hotline WHERE compound_id = ?1",
  "SELECT coalesce(max(position), 0) + 1 FROM hotline WHERE building_id = ?1",
};

/* Helpers */

static char *
today_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static gboolean
check_not_future (const char  *field,
                  const char  *date,
                  GError     **error)
{
  g_autofree char *today = NULL;

  if (date == NULL)
    return TRUE;
  /* ISO dates compare as strings. */
  today = today_iso ();
  if (strcmp (date, today) <= 0)
    return TRUE;
  g_set_error (error, SZ_ROSTER_ERROR, SZ_ROSTER_ERROR_INVALID,
               /* Translators: the first %s is a field name, the second its value */
               _("%s: “%s” is in the future; enter the day the number was last checked."), field, date);
  return FALSE;
}

static gboolean
require_place (SzDb     *db,
               SzScope   scope,
               gint64    id,
               GError  **error)
{
  return sz_row_require (db, place_exists_sql[scope], id, sz_scope_title (scope), error);
}

static void
set_hotline_not_found (gint64    id,
                       GError  **error)
{
  sz_set_not_found (error, _("Hotline"), id);
}

static SzHotline *
hotline_from_row (SzStmt *stmt)
{
  SzHotline *h = sz_hotline_new ();
  const char *category = (const char *) sz_stmt_column_text (stmt, 1);
  const char *scope = (const char *) sz_stmt_column_text (stmt, 4);

  h->id = sz_stmt_column_int64 (stmt, 0);
  /* The table's CHECKs hold the same lists, so these cannot fail. */
  if (!sz_hotline_category_from_string (category, &h->category))
    h->category = SZ_HOTLINE_OTHER;
  if (!sz_scope_from_string (scope, &h->scope))
    h->scope = SZ_SCOPE_COMMUNITY;
  h->label = sz_db_column_dup (stmt, 2);
  h->number = sz_db_column_dup (stmt, 3);
  h->scope_id = sz_stmt_column_int64 (stmt, 5);
  h->verified_on = sz_db_column_dup (stmt, 6);
  h->position = sz_stmt_column_int (stmt, 7);
  return h;
}

/* The board's order: category (as the enum lists them), then position. */
static int
hotline_compare (gconstpointer a,
                 gconstpointer b)
{
  const SzHotline *ha = *(SzHotline * const *) a;
  const SzHotline *hb = *(SzHotline * const *) b;

  if (ha->category != hb->category)
    return ha->category < hb->category ? -1 : 1;
  if (ha->position != hb->position)
    return ha->position < hb->position ? -1 : 1;
  return ha->id < hb->id ? -1 : ha->id > hb->id;
}

/* Runs @sql with ?1 = @id and ?2 = @text (unless NULL); sorts the rows
 * with @compare (unless NULL). */
static GPtrArray *
query_hotlines (SzDb          *db,
                const char    *sql,
                gint64         id,
                const char    *text,
                GCompareFunc   compare,
                GError       **error)
{
  SzStmt *stmt = sz_db_prepare (db, sql, error);
  GPtrArray *rows;

  if (stmt == NULL)
    return NULL;
  sz_stmt_bind_int64 (stmt, 1, id);
  if (text != NULL)
    sz_db_bind_text (stmt, 2, text);
  rows = sz_row_collect (db, stmt, (gpointer) hotline_from_row, (GDestroyNotify) sz_hotline_free, error);
  if (rows != NULL && compare != NULL)
    g_ptr_array_sort (rows, compare);
  return rows;
}

/* Hotline */

SzHotline *
sz_hotline_new (void)
{
  return g_new0 (SzHotline, 1);
}

void
sz_hotline_free (SzHotline *h)
{
  if (h == NULL)
    return;
  g_free (h->label);
  g_free (h->number);
  g_free (h->verified_on);
  g_free (h);
}

const char *
sz_hotline_display_label (const SzHotline *h)
{
  g_return_val_if_fail (h != NULL, NULL);

  if (h->label != NULL && *h->label != '\0')
    return h->label;
  return sz_hotline_category_title (h->category);
}

gboolean
sz_hotline_save (SzDb       *db,
                 SzHotline  *h,
                 GError    **error)
{
  SzStmt *stmt = NULL;
  gint64 id;
  int position;
  gboolean ok;

  g_return_val_if_fail (db != NULL && h != NULL, FALSE);
  g_return_val_if_fail ((guint) h->category < SZ_N_HOTLINE_CATEGORIES, FALSE);
  g_return_val_if_fail ((guint) h->scope < SZ_N_SCOPES, FALSE);

  if (!sz_validate_text (_("Hotline label"), &h->label, FALSE, 40, error)
      || !sz_validate_phone (_("Hotline number"), &h->number, TRUE, error)
      || !sz_validate_date (_("Verified on"), &h->verified_on, FALSE, error)
      || !check_not_future (_("Verified on"), h->verified_on, error)
      || !sz_validate_range (_("Order in the list"), h->position, 0, 99999, error))
    return FALSE;

  if (!sz_db_begin (db, error))
    return FALSE;
  id = h->id;
  position = h->position;
  ok = require_place (db, h->scope, h->scope_id, error);
  if (ok && position == 0)
    {
      /* Last in the whole scope, hence also last within its category. */
      stmt = sz_db_prepare (db, next_position_sql[h->scope], error);
      ok = stmt != NULL;
      if (ok)
        {
          sz_stmt_bind_int64 (stmt, 1, h->scope_id);
          ok = sz_db_step (db, stmt, error) == SQLITE_ROW;
          if (ok)
            position = sz_stmt_column_int (stmt, 0);
          sz_stmt_reset (stmt);
        }
    }
  if (ok)
    {
      if (h->id == 0)
        stmt = sz_db_prepare (db, "INSERT INTO hotline (category, label, number, scope, community_id, compound_id,"
                                  " building_id, verified_on, position) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                              error);
      else
        stmt = sz_db_prepare (db, "UPDATE hotline SET category = ?1, label = ?2, number = ?3, scope = ?4,"
                                  " community_id = ?5, compound_id = ?6, building_id = ?7, verified_on = ?8,"
                                  " position = ?9 WHERE id = ?10", error);
      ok = stmt != NULL;
    }
  if (ok)
    {
      sz_db_bind_text (stmt, 1, category_names[h->category]);
      sz_db_bind_text (stmt, 2, h->label);
      sz_db_bind_text (stmt, 3, h->number);
      sz_db_bind_text (stmt, 4, scope_names[h->scope]);
      sz_db_bind_id_opt (stmt, 5, h->scope == SZ_SCOPE_COMMUNITY ? h->scope_id : 0);
      sz_db_bind_id_opt (stmt, 6, h->scope == SZ_SCOPE_COMPOUND ? h->scope_id : 0);
      sz_db_bind_id_opt (stmt, 7, h->scope == SZ_SCOPE_BUILDING ? h->scope_id : 0);
      sz_db_bind_text_opt (stmt, 8, h->verified_on);
      sz_stmt_bind_int (stmt, 9, position);
      if (h->id != 0)
        sz_stmt_bind_int64 (stmt, 10, h->id);
      ok = sz_row_finish_write (db, stmt, &id, error);
    }
  if (ok && h->id != 0 && sz_db_changes (db) == 0)
    {
      set_hotline_not_found (h->id, error);
      ok = FALSE;
    }
  /* The record takes its id and position only once they are committed. */
  if (!sz_db_end (db, ok, error))
    return FALSE;
  h->id = id;
  h->position = position;
  return TRUE;
}

SzHotline *
sz_hotline_get (SzDb    *db,
                gint64   id,
                GError **error)
{
  SzStmt *stmt;

  g_return_val_if_fail (db != NULL, NULL);

  stmt = sz_db_prepare (db, "SELECT " HOTLINE_COLUMNS " FROM hotline WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  return sz_row_get (db, stmt, id, _("Hotline"), (gpointer) hotline_from_row, error);
}

gboolean
sz_hotline_delete (SzDb    *db,
                   gint64   id,
                   GError **error)
{
  g_return_val_if_fail (db != NULL, FALSE);

  return sz_row_delete (db, "DELETE FROM hotline WHERE id = ?1", id, _("Hotline"), error);
}

gboolean
sz_hotline_mark_verified (SzDb        *db,
                          gint64       id,
                          const char  *date,
                          GError     **error)
{
  g_autofree char *day = NULL;
  SzStmt *stmt;
  gboolean ok;

  g_return_val_if_fail (db != NULL, FALSE);

  day = date != NULL ? g_strdup (date) : today_iso ();
  /* Required: a blank date would clear the record instead of marking it. */
  if (!sz_validate_date (_("Verified on"), &day, TRUE, error)
      || !check_not_future (_("Verified on"), day, error))
    return FALSE;

  if (!sz_db_begin (db, error))
    return FALSE;
  stmt = sz_db_prepare (db, "UPDATE hotline SET verified_on = ?2 WHERE id = ?1", error);
  ok = stmt != NULL;
  if (ok)
    {
      sz_stmt_bind_int64 (stmt, 1, id);
      sz_db_bind_text (stmt, 2, day);
      ok = sz_row_finish_write (db, stmt, NULL, error);
    }
  if (ok && sz_db_changes (db) == 0)
    {
      set_hotline_not_found (id, error);
      ok = FALSE;
    }
  return sz_db_end (db, ok, error);
}

GPtrArray *
sz_hotline_list_scope (SzDb     *db,
                       SzScope   scope,
                       gint64    scope_id,
                       GError  **error)
{
  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail ((guint) scope < SZ_N_SCOPES, NULL);

  if (!require_place (db, scope, scope_id, error))
    return NULL;
  return query_hotlines (db, list_scope_sql[scope], scope_id, NULL, hotline_compare, error);
}

/* Reads the hotlines of a place and of the places above it with @sql (one
 * query, ?1 the place), then keeps per category those of the nearest
 * scope. */
static GPtrArray *
list_effective (SzDb        *db,
                SzScope      scope,
                gint64       id,
                const char  *sql,
                GError     **error)
{
  GPtrArray *rows;
  int nearest[SZ_N_HOTLINE_CATEGORIES];

  if (!require_place (db, scope, id, error)
      || (rows = query_hotlines (db, sql, id, NULL, NULL, error)) == NULL)
    return NULL;

  /* SzScope counts from the farthest place, so the nearest is the largest. */
  for (guint c = 0; c < SZ_N_HOTLINE_CATEGORIES; c++)
    nearest[c] = -1;
  for (guint i = 0; i < rows->len; i++)
    {
      const SzHotline *h = g_ptr_array_index (rows, i);
      nearest[h->category] = MAX (nearest[h->category], (int) h->scope);
    }
  for (guint i = rows->len; i > 0; i--)
    {
      const SzHotline *h = g_ptr_array_index (rows, i - 1);
      if ((int) h->scope != nearest[h->category])
        g_ptr_array_remove_index (rows, i - 1);
    }
  g_ptr_array_sort (rows, hotline_compare);
  return rows;
}

GPtrArray *
sz_hotline_list_for_building (SzDb    *db,
                              gint64   building_id,
                              GError **error)
{
  g_return_val_if_fail (db != NULL, NULL);

  return list_effective (db, SZ_SCOPE_BUILDING, building_id,
                         "SELECT " HOTLINE_COLUMNS " FROM hotline WHERE building_id = ?1"
                         " UNION ALL SELECT " HOTLINE_COLUMNS " FROM hotline"
                         "  WHERE compound_id = (SELECT compound_id FROM building WHERE id = ?1)"
                         " UNION ALL SELECT " HOTLINE_COLUMNS " FROM hotline"
                         "  WHERE community_id = (SELECT c.community_id FROM building b"
                         "                        JOIN compound c ON c.id = b.compound_id WHERE b.id = ?1)",
                         error);
}

GPtrArray *
sz_hotline_list_for_compound (SzDb    *db,
                              gint64   compound_id,
                              GError **error)
{
  g_return_val_if_fail (db != NULL, NULL);

  return list_effective (db, SZ_SCOPE_COMPOUND, compound_id,
                         "SELECT " HOTLINE_COLUMNS " FROM hotline WHERE compound_id = ?1"
                         " UNION ALL SELECT " HOTLINE_COLUMNS " FROM hotline"
                         "  WHERE community_id = (SELECT community_id FROM compound WHERE id = ?1)",
                         error);
}

/* Never verified first, then the oldest. */
static int
stale_compare (gconstpointer a,
               gconstpointer b)
{
  const SzHotline *ha = *(SzHotline * const *) a;
  const SzHotline *hb = *(SzHotline * const *) b;
  int c = g_strcmp0 (ha->verified_on, hb->verified_on);

  return c != 0 ? c : hotline_compare (a, b);
}

GPtrArray *
sz_hotline_list_stale (SzDb        *db,
                       gint64       community_id,
                       const char  *today,
                       GError     **error)
{
  g_autofree char *now = NULL;
  char cutoff[16];
  GDate date;
  int y = 0, m = 0, d = 0;
  gboolean valid;

  g_return_val_if_fail (db != NULL, NULL);

  if (today == NULL)
    today = now = today_iso ();
  valid = strlen (today) == 10 && sscanf (today, "%4d-%2d-%2d", &y, &m, &d) == 3 && g_date_valid_dmy (d, m, y);
  g_return_val_if_fail (valid, NULL);

  /* "More than a year": one verified exactly a year ago is still fresh.
   * GDate takes 29 February back to the 28th. */
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  g_date_subtract_years (&date, 1);
  g_snprintf (cutoff, sizeof cutoff, "%04d-%02d-%02d",
              g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date));

  if (!require_place (db, SZ_SCOPE_COMMUNITY, community_id, error))
    return NULL;
  return query_hotlines (db, "SELECT " HOTLINE_COLUMNS " FROM hotline"
                             " WHERE (verified_on IS NULL OR verified_on < ?2)"
                             " AND (community_id = ?1"
                             "      OR compound_id IN (SELECT id FROM compound WHERE community_id = ?1)"
                             "      OR building_id IN (SELECT b.id FROM building b"
                             "                         JOIN compound c ON c.id = b.compound_id"
                             "                         WHERE c.community_id = ?1))",
                         community_id, cutoff, stale_compare, error);
}
