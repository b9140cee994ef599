/* sz-points.c: the figures of the points (formatting, parsing), the
 * structures, and what the other sz-points*.c files share.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sz-db.h"
#include "sz-points-private.h"
#include "sz-post.h"
#include "sz-roster.h"
#include "sz-validate.h"

G_DEFINE_QUARK (sz-points-error-quark, sz_points_error)

static const char * const move_kinds[] = { "earn", "redeem", "expire", "correct" };

const char *
_sz_move_kind_to_string (SzMoveKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (move_kinds), "correct");
  return move_kinds[kind];
}

SzMoveKind
_sz_move_kind_from_string (const char *str)
{
  int i = sz_name_index (move_kinds, G_N_ELEMENTS (move_kinds), str);

  return i < 0 ? SZ_MOVE_CORRECT : (SzMoveKind) i;
}

/* ---- Figures ---------------------------------------------------------- */

char *
sz_points_format (gint64 tenths)
{
  guint64 a = tenths < 0 ? (guint64) -tenths : (guint64) tenths;

  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%u", tenths < 0 ? "-" : "", a / 10, (guint) (a % 10));
}

char *
sz_hours_format (int minutes)
{
  guint a = minutes < 0 ? (guint) -minutes : (guint) minutes;
  const char *sign = minutes < 0 ? "-" : "";

  /* Tenths of an hour are 6 minutes: exact with one decimal. */
  if (a % 6 == 0)
    return g_strdup_printf ("%s%u.%u", sign, a / 60, (a % 60) / 6);
  /* Else hundredths, rounded. */
  return g_strdup_printf ("%s%u.%02u", sign, a / 60, ((a % 60) * 100 + 30) / 60);
}

char *
sz_points_format_with_unit (gint64 tenths)
{
  g_autofree char *n = sz_points_format (tenths);

  /* Translators: a number of points; %s is the number ("12.5") */
  return g_strdup_printf (_("%s points"), n);
}

char *
sz_hours_format_with_unit (int minutes)
{
  g_autofree char *n = sz_hours_format (minutes);

  /* Translators: a number of service hours; %s is the number ("3.5") */
  return g_strdup_printf (_("%s hours"), n);
}

/* "12", "1.5", ".5", "0.5": the value in tenths; FALSE for anything else. */
static gboolean
parse_tenths (const char *text,
              gint64     *tenths)
{
  const char *p;
  gint64 whole = 0;
  int digits = 0;
  int frac = 0;

  if (text == NULL)
    return FALSE;
  while (g_ascii_isspace (*text))
    text++;
  p = text;
  while (g_ascii_isdigit (*p))
    {
      whole = whole * 10 + (*p - '0');
      if (whole > G_MAXINT32)
        return FALSE;
      p++;
      digits++;
    }
  if (*p == '.')
    {
      p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      frac = *p - '0';
      p++;
      digits++;
    }
  while (g_ascii_isspace (*p))
    p++;
  if (*p != '\0' || digits == 0)
    return FALSE;
  *tenths = whole * 10 + frac;
  return TRUE;
}

gboolean
sz_points_parse (const char *text,
                 gint64     *tenths)
{
  gint64 v;

  g_return_val_if_fail (tenths != NULL, FALSE);
  if (!parse_tenths (text, &v))
    return FALSE;
  *tenths = v;
  return TRUE;
}

gboolean
sz_hours_parse (const char *text,
                int        *minutes)
{
  gint64 v;

  g_return_val_if_fail (minutes != NULL, FALSE);
  if (!parse_tenths (text, &v) || v > 10 * 24 * 366)
    return FALSE;
  *minutes = (int) (v * 6);
  return TRUE;
}

/* ---- Structures --------------------------------------------------------- */

/* Text fields start NULL, which is saved as empty: a caller sets them
 * without freeing a default first. */

SzActivityType *
sz_activity_type_new (void)
{
  SzActivityType *t = g_new0 (SzActivityType, 1);

  t->active = TRUE;
  return t;
}

void
sz_activity_type_free (SzActivityType *type)
{
  if (type == NULL)
    return;
  g_free (type->name);
  g_free (type);
}

void
sz_movement_free (SzMovement *m)
{
  if (m == NULL)
    return;
  g_free (m->day);
  g_free (m->actor);
  g_free (m->reason);
  g_free (m->source);
  g_free (m);
}

SzActivity *
sz_activity_new (void)
{
  SzActivity *a = g_new0 (SzActivity, 1);

  return a;
}

void
sz_activity_free (SzActivity *a)
{
  if (a == NULL)
    return;
  g_free (a->day);
  g_free (a->title);
  g_free (a->notes);
  g_free (a);
}

void
sz_points_balance_free (SzPointsBalance *b)
{
  if (b == NULL)
    return;
  g_free (b->name);
  g_free (b->post);
  g_free (b);
}

void
sz_points_filter_init (SzPointsFilter *filter,
                       gint64          community_id)
{
  g_return_if_fail (filter != NULL);
  memset (filter, 0, sizeof *filter);
  filter->community_id = community_id;
  filter->level = -1;
}

void
sz_record_credit_free (SzRecordCredit *c)
{
  if (c == NULL)
    return;
  g_free (c->name);
  g_free (c->summary);
  g_free (c->resolved_day);
  g_free (c);
}

void
sz_expiry_item_free (SzExpiryItem *item)
{
  if (item == NULL)
    return;
  g_free (item->name);
  g_free (item->earned_before);
  g_free (item);
}

SzReward *
sz_reward_new (void)
{
  SzReward *r = g_new0 (SzReward, 1);

  r->stock = -1;
  r->active = TRUE;
  return r;
}

void
sz_reward_free (SzReward *r)
{
  if (r == NULL)
    return;
  g_free (r->name);
  g_free (r->description);
  g_free (r);
}

void
sz_shortlist_entry_free (SzShortlistEntry *e)
{
  if (e == NULL)
    return;
  g_free (e->name);
  g_free (e->post);
  g_free (e);
}

SzHonour *
sz_honour_new (void)
{
  SzHonour *h = g_new0 (SzHonour, 1);

  h->level = -1;
  return h;
}

void
sz_honour_free (SzHonour *h)
{
  if (h == NULL)
    return;
  g_free (h->period);
  g_free (h->title);
  g_free (h->reason);
  g_free (h->publicity_from);
  g_free (h->publicity_until);
  g_free (h->awarded_on);
  g_free (h->certificate_no);
  g_free (h->withdrawn_reason);
  g_free (h->name);
  g_free (h->post);
  g_free (h);
}

/* ---- Shared --------------------------------------------------------------- */

gboolean
_sz_points_check_day (const char  *field,
                      const char  *day,
                      char       **out,
                      GError     **error)
{
  g_autofree char *value = g_strdup (day);

  if (value == NULL || *g_strstrip (value) == '\0')
    {
      g_free (value);
      value = sz_today ();
    }
  if (!sz_validate_date (field, &value, TRUE, error))
    return FALSE;
  *out = g_steal_pointer (&value);
  return TRUE;
}

gboolean
_sz_points_person (SzDb     *db,
                   gint64    person_id,
                   gint64   *community_id,
                   char    **name,
                   guint    *levels,
                   GError  **error)
{
  SzStmt *stmt;
  int rc;

  stmt = sz_db_prepare (db,
                        "SELECT n.community_id, n.name,"
                        "  (SELECT coalesce (sum (DISTINCT CASE p.level WHEN 'grid' THEN 1 WHEN 'building' THEN 2 ELSE 4 END), 0)"
                        "     FROM post p WHERE p.person_id = n.id AND p.end_date IS NULL)"
                        " FROM person n WHERE n.id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sz_stmt_bind_int64 (stmt, 1, person_id);
  rc = sz_db_step (db, stmt, error);
  if (rc == SQLITE_DONE)
    sz_set_not_found (error, _("Person"), person_id);
  if (rc != SQLITE_ROW)
    return FALSE;
  if (community_id != NULL)
    *community_id = sz_stmt_column_int64 (stmt, 0);
  if (name != NULL)
    *name = sz_db_column_dup (stmt, 1);
  if (levels != NULL)
    *levels = (guint) sz_stmt_column_int (stmt, 2);
  sz_stmt_reset (stmt);
  return TRUE;
}

gboolean
_sz_points_figures (SzDb     *db,
                    gint64    person_id,
                    int      *minutes,
                    gint64   *balance,
                    GError  **error)
{
  SzStmt *stmt = sz_db_prepare (db, "SELECT minutes, balance FROM points_balance WHERE person_id = ?1", error);
  int rc;

  *minutes = 0;
  *balance = 0;
  if (stmt == NULL)
    return FALSE;
  sz_stmt_bind_int64 (stmt, 1, person_id);
  rc = sz_db_step (db, stmt, error);
  if (rc == SQLITE_ROW)
    {
      *minutes = sz_stmt_column_int (stmt, 0);
      *balance = sz_stmt_column_int64 (stmt, 1);
    }
  sz_stmt_reset (stmt);
  return rc != 0;
}

gboolean
_sz_points_insert (SzDb        *db,
                   SzMovement  *m,
                   const char  *counts,
                   GError     **error)
{
  SzStmt *stmt;

  stmt = sz_db_prepare (db,
                        "INSERT INTO points_movement (community_id, person_id, kind, counts, day, entered_at, actor,"
                        " minutes, points, activity_id, record_id, redemption_id, reverses_id, reason)"
                        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)", error);
  if (stmt == NULL)
    return FALSE;
  if (m->entered_at == 0)
    m->entered_at = g_get_real_time () / G_USEC_PER_SEC;
  if (m->actor == NULL)
    m->actor = g_strdup (sz_db_get_actor (db));
  sz_stmt_bind_int64 (stmt, 1, m->community_id);
  sz_stmt_bind_int64 (stmt, 2, m->person_id);
  sz_db_bind_text (stmt, 3, _sz_move_kind_to_string (m->kind));
  sz_db_bind_text (stmt, 4, counts);
  sz_db_bind_text (stmt, 5, m->day);
  sz_stmt_bind_int64 (stmt, 6, m->entered_at);
  sz_db_bind_text (stmt, 7, m->actor);
  sz_stmt_bind_int (stmt, 8, m->minutes);
  sz_stmt_bind_int64 (stmt, 9, m->points);
  sz_db_bind_id_opt (stmt, 10, m->activity_id);
  sz_db_bind_id_opt (stmt, 11, m->record_id);
  sz_db_bind_id_opt (stmt, 12, m->redemption_id);
  sz_db_bind_id_opt (stmt, 13, m->reverses_id);
  sz_db_bind_text (stmt, 14, m->reason != NULL ? m->reason : "");
  m->id = 0;
  return sz_row_finish_write (db, stmt, &m->id, error);
}

static void
post_free (gpointer p)
{
  SzPointsPost *post = p;

  g_free (post->text);
  g_free (post);
}

GHashTable *
_sz_points_posts (SzDb     *db,
                  gint64    community_id,
                  gint64    person_id,
                  GError  **error)
{
  g_autoptr(GHashTable) posts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, post_free);
  SzStmt *stmt;
  int rc;

  stmt = sz_db_prepare (db,
                        "SELECT p.person_id, CASE p.level WHEN 'grid' THEN 0 WHEN 'building' THEN 1 ELSE 2 END,"
                        "       g.id, g.number, g.name, c.name, b.name, u.number"
                        "  FROM post p"
                        "  JOIN person n ON n.id = p.person_id"
                        "  LEFT JOIN unit u ON u.id = p.unit_id"
                        "  LEFT JOIN building b ON b.id = coalesce (p.building_id, u.building_id)"
                        "  LEFT JOIN compound c ON c.id = b.compound_id"
                        "  LEFT JOIN grid g ON g.id = coalesce (p.grid_id, b.grid_id)"
                        " WHERE p.end_date IS NULL AND (?1 = 0 OR n.community_id = ?1) AND (?2 = 0 OR n.id = ?2)"
                        " ORDER BY p.person_id, 2, p.start_date, p.id", error);
  if (stmt == NULL)
    return NULL;
  sz_stmt_bind_int64 (stmt, 1, community_id);
  sz_stmt_bind_int64 (stmt, 2, person_id);
  while ((rc = sz_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      gint64 id = sz_stmt_column_int64 (stmt, 0);
      SzPointsPost *post;
      g_autofree char *place = NULL;

      if (g_hash_table_contains (posts, &id))
        continue;
      post = g_new0 (SzPointsPost, 1);
      post->level = sz_stmt_column_int (stmt, 1);
      post->grid_id = sz_stmt_column_int64 (stmt, 2);
      switch (post->level)
        {
        case SZ_LEVEL_GRID:
          {
            SzGrid g = { 0 };

            g.number = sz_stmt_column_int (stmt, 3);
            g.name = (char *) sz_stmt_column_text (stmt, 4);
            place = sz_grid_label (&g);
          }
          break;
        case SZ_LEVEL_BUILDING:
          /* Translators: a building's place: compound, building ("丰和林苑 2栋") */
          place = g_strdup_printf (_("%s %s"), sz_stmt_column_text (stmt, 5), sz_stmt_column_text (stmt, 6));
          break;
        default:
          {
            g_autofree char *unit = sz_unit_label (sz_stmt_column_int (stmt, 7));

            /* Translators: a unit's place: compound, building, unit ("丰和林苑 2栋 1单元") */
            place = g_strdup_printf (_("%s %s %s"), sz_stmt_column_text (stmt, 5), sz_stmt_column_text (stmt, 6), unit);
          }
          break;
        }
      /* Translators: a head's post: the place, then the title ("丰和林苑 2栋 1单元 单元长") */
      post->text = g_strdup_printf (C_("post", "%s %s"), place, sz_level_head_title (post->level));
      g_hash_table_insert (posts, g_memdup2 (&id, sizeof id), post);
    }
  if (rc == 0)
    return NULL;
  return g_steal_pointer (&posts);
}

gboolean
_sz_points_period_days (const char  *period,
                        char       **first,
                        char       **last,
                        GError     **error)
{
  int year = 0;
  int q = 0;
  gboolean ok = FALSE;

  if (period != NULL && strlen (period) == 4 && g_ascii_isdigit (period[0]) && g_ascii_isdigit (period[1])
      && g_ascii_isdigit (period[2]) && g_ascii_isdigit (period[3]))
    {
      year = atoi (period);
      ok = TRUE;
    }
  else if (period != NULL && strlen (period) == 7 && g_ascii_isdigit (period[0]) && g_ascii_isdigit (period[1])
           && g_ascii_isdigit (period[2]) && g_ascii_isdigit (period[3]) && period[4] == '-' && period[5] == 'Q'
           && period[6] >= '1' && period[6] <= '4')
    {
      year = atoi (period);
      q = period[6] - '0';
      ok = TRUE;
    }
  if (!ok || year < 1900)
    {
      g_set_error (error, SZ_POINTS_ERROR, SZ_POINTS_ERROR_INVALID,
                   /* Translators: %s is what was given; keep "YYYY" and "YYYY-Qn" as they are */
                   _("Period: “%s” is not a year (YYYY) or a quarter (YYYY-Qn)."), period != NULL ? period : "");
      return FALSE;
    }
  if (q == 0)
    {
      *first = g_strdup_printf ("%04d-01-01", year);
      *last = g_strdup_printf ("%04d-12-31", year);
    }
  else
    {
      static const char * const ends[] = { "03-31", "06-30", "09-30", "12-31" };

      *first = g_strdup_printf ("%04d-%02d-01", year, (q - 1) * 3 + 1);
      *last = g_strdup_printf ("%04d-%s", year, ends[q - 1]);
    }
  return TRUE;
}

const char * const *
sz_honour_titles (void)
{
  static const char *titles[5];

  if (titles[0] == NULL)
    {
      titles[0] = _("Finest grid head");
      titles[1] = _("Finest building head");
      titles[2] = _("Finest unit head");
      /* Translators: 社区好人, an honour for a good neighbour */
      titles[3] = _("Community good samaritan");
      titles[4] = NULL;
    }
  return titles;
}
