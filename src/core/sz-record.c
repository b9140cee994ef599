/* sz-record.c: issue records, their categories and their history.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The state of a record is never stored by hand: it is folded from the
 * history (sz_record_state_fold) and the result cached in record_state in
 * the same transaction as each new entry, so lists and figures read one
 * row per record.  Lists and figures are in sz-record-stats.c.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "sz-db.h"
#include "sz-phone.h"
#include "sz-record.h"
#include "sz-record-private.h"
#include "sz-roster.h"
#include "sz-tree.h"
#include "sz-validate.h"

G_DEFINE_QUARK (sz-record-error-quark, sz_record_error)

/* A time may be a few minutes ahead of this machine's clock: the phone the
 * clerk read it from may be ahead. */
#define FUTURE_SLACK (5 * 60)
/* Nothing was recorded before 2000. */
#define EARLIEST_TIME G_GINT64_CONSTANT (946656000)

/* Enumerations */

static const char * const channel_names[SZ_N_CHANNELS] = {
  "wechat", "visit", "phone", "patrol", "city_hotline", "other",
};
static const char * const channel_titles[SZ_N_CHANNELS] = {
  N_("WeChat group"), N_("Visit"), N_("Phone call"), N_("Head's patrol"),
  /* Translators: a case referred by the city's 12345 hotline */
  N_("12345 referral"), N_("Other"),
};

static const char * const duty_names[SZ_N_DUTIES] = {
  "collect", "publicise", "mediate", "serve", "supervise",
};
/* The same words as the duties seeded in sz-duty.c. */
static const char * const duty_titles[SZ_N_DUTIES] = {
  N_("Collect residents' information"), N_("Publicise policies and regulations"),
  N_("Mediate disputes"), N_("Provide convenience services"), N_("Supervise effectively"),
};

static const char * const time_class_names[SZ_N_TIME_CLASSES] = {
  "emergency", "utility", "general", "complex",
};
static const char * const time_class_titles[SZ_N_TIME_CLASSES] = {
  N_("Emergency (2 hours)"), N_("Water, power, gas, heating (24 hours)"),
  N_("General (7 days)"), N_("Complex (15 days)"),
};
static const gint64 time_class_seconds[SZ_N_TIME_CLASSES] = {
  2 * 3600, 24 * 3600, 7 * 24 * 3600, 15 * 24 * 3600,
};

static const char * const status_names[SZ_N_RECORD_STATUSES] = {
  "received", "reported", "dispatched", "returned", "suspended",
  "resolved", "followed_up", "reopened", "closed",
};
/* In a context: "Received" is also a field (when), and reads differently. */
static const char * const status_titles[SZ_N_RECORD_STATUSES] = {
  NC_("record status", "Received"), NC_("record status", "Reported to the community"),
  NC_("record status", "Dispatched"), NC_("record status", "Returned"), NC_("record status", "Suspended"),
  NC_("record status", "Resolved"), NC_("record status", "Followed up"), NC_("record status", "Reopened"),
  NC_("record status", "Closed"),
};

static const char * const action_names[SZ_N_ACTIONS] = {
  "receive", "report", "dispatch", "return", "suspend", "resume",
  "resolve", "follow_up", "reopen", "close",
};
static const char * const action_titles[SZ_N_ACTIONS] = {
  N_("Receive"), N_("Report to the community"), N_("Dispatch"), N_("Return"),
  N_("Suspend"), N_("Resume"), N_("Resolve"), N_("Follow up"), N_("Reopen"), N_("Close"),
};

static const char * const satisfaction_names[SZ_N_SATISFACTIONS] = {
  "", "satisfied", "basically", "dissatisfied",
};
static const char * const satisfaction_titles[SZ_N_SATISFACTIONS] = {
  "", N_("Satisfied"), N_("Basically satisfied"), N_("Dissatisfied"),
};

static const char * const node_kind_names[] = {
  "community", "grid", "compound", "building", "unit",
};

#define ENUM_STRINGS(prefix, type, names, titles, n, translate)         \
  const char *                                                          \
  prefix##_to_string (type value)                                       \
  {                                                                     \
    g_return_val_if_fail ((guint) value < n, NULL);                     \
    return names[value];                                                \
  }                                                                     \
  gboolean                                                              \
  prefix##_from_string (const char *str,                                \
                        type       *value)                              \
  {                                                                     \
    int i = sz_name_index (names, n, str);                              \
    if (i < 0)                                                          \
      return FALSE;                                                     \
    *value = i;                                                         \
    return TRUE;                                                        \
  }                                                                     \
  const char *                                                          \
  prefix##_title (type value)                                           \
  {                                                                     \
    g_return_val_if_fail ((guint) value < n, NULL);                     \
    return titles[value][0] ? translate (titles[value]) : "";           \
  }

ENUM_STRINGS (sz_channel, SzChannel, channel_names, channel_titles, SZ_N_CHANNELS, _)
ENUM_STRINGS (sz_duty_kind, SzDutyKind, duty_names, duty_titles, SZ_N_DUTIES, _)
ENUM_STRINGS (sz_time_class, SzTimeClass, time_class_names, time_class_titles, SZ_N_TIME_CLASSES, _)
#define STATUS_TITLE(str) g_dpgettext2 (GETTEXT_PACKAGE, "record status", str)
ENUM_STRINGS (sz_record_status, SzRecordStatus, status_names, status_titles, SZ_N_RECORD_STATUSES, STATUS_TITLE)
ENUM_STRINGS (sz_action, SzAction, action_names, action_titles, SZ_N_ACTIONS, _)
ENUM_STRINGS (sz_satisfaction, SzSatisfaction, satisfaction_names, satisfaction_titles, SZ_N_SATISFACTIONS, _)

const char *
sz_node_kind_to_string (SzNodeKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (node_kind_names), NULL);
  return node_kind_names[kind];
}

gboolean
sz_node_kind_from_string (const char *str,
                          SzNodeKind *kind)
{
  int i = sz_name_index (node_kind_names, G_N_ELEMENTS (node_kind_names), str);

  if (i < 0)
    return FALSE;
  *kind = i;
  return TRUE;
}

gint64
sz_time_class_seconds (SzTimeClass time_class)
{
  g_return_val_if_fail ((guint) time_class < SZ_N_TIME_CLASSES, 0);
  return time_class_seconds[time_class];
}

gboolean
sz_record_status_is_open (SzRecordStatus status)
{
  return status != SZ_RECORD_RESOLVED && status != SZ_RECORD_FOLLOWED_UP && status != SZ_RECORD_CLOSED;
}

/* Time */

GTimeZone *
sz_record_time_zone (void)
{
  static GTimeZone *tz;

  if (g_once_init_enter (&tz))
    {
      /* China has kept UTC+8 without daylight saving since 1991: the fixed
       * offset is right where tzdata is missing. */
      GTimeZone *zone = g_time_zone_new_identifier ("Asia/Shanghai");

      if (zone == NULL)
        zone = g_time_zone_new_offset (8 * 3600);
      g_once_init_leave (&tz, zone);
    }
  return tz;
}

gint64
sz_record_now (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static GDateTime *
local_time (gint64 t)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (t);

  return utc ? g_date_time_to_timezone (utc, sz_record_time_zone ()) : NULL;
}

char *
sz_record_format_time (gint64 t)
{
  g_autoptr(GDateTime) dt = local_time (t);

  return dt ? g_date_time_format (dt, "%Y-%m-%d %H:%M") : g_strdup ("");
}

char *
sz_record_month_of (gint64 t)
{
  g_autoptr(GDateTime) dt = local_time (t);

  return dt ? g_date_time_format (dt, "%Y-%m") : g_strdup ("");
}

void
sz_record_day_bounds (gint64  t,
                      gint64 *start,
                      gint64 *end)
{
  g_autoptr(GDateTime) dt = local_time (t);
  g_autoptr(GDateTime) day = g_date_time_new (sz_record_time_zone (), g_date_time_get_year (dt),
                                              g_date_time_get_month (dt), g_date_time_get_day_of_month (dt),
                                              0, 0, 0);
  g_autoptr(GDateTime) next = g_date_time_add_days (day, 1);

  *start = g_date_time_to_unix (day);
  *end = g_date_time_to_unix (next);
}

gboolean
sz_record_parse_time (const char  *text,
                      const char  *field,
                      gint64      *t,
                      GError     **error)
{
  g_autofree char *s = g_strstrip (g_strdup (text ? text : ""));
  g_autoptr(GDateTime) dt = NULL;
  int y, mo, d, h = 0, mi = 0, sec = 0, n = 0;

  /* Dashes or slashes between the date's parts (spreadsheets write both),
   * a space or a T before the time; seconds optional. */
  for (char *p = s; *p; p++)
    if (*p == '/')
      *p = '-';
    else if (*p == 'T')
      *p = ' ';
  if ((sscanf (s, "%4d-%2d-%2d %2d:%2d:%2d%n", &y, &mo, &d, &h, &mi, &sec, &n) == 6 && s[n] == '\0')
      || (sec = 0, sscanf (s, "%4d-%2d-%2d %2d:%2d%n", &y, &mo, &d, &h, &mi, &n) == 5 && s[n] == '\0')
      || (h = mi = 0, sscanf (s, "%4d-%2d-%2d%n", &y, &mo, &d, &n) == 3 && s[n] == '\0'))
    {
      if (h >= 0 && h < 24 && mi >= 0 && mi < 60 && sec >= 0 && sec < 60)
        dt = g_date_time_new (sz_record_time_zone (), y, mo, d, h, mi, sec);
    }
  if (dt == NULL)
    {
      g_set_error (error, SZ_RECORD_ERROR, SZ_RECORD_ERROR_INVALID,
                   /* Translators: a field name, then what the user typed */
                   _("%s: “%s” is not a time; write it as 2026-11-25 14:30."), field, s);
      return FALSE;
    }
  *t = g_date_time_to_unix (dt);
  return TRUE;
}

gboolean
sz_record_parse_month (const char  *text,
                       gint64      *start,
                       gint64      *end,
                       GError     **error)
{
  g_autoptr(GDateTime) first = NULL;
  g_autoptr(GDateTime) next = NULL;
  int y, m, n = 0;

  if (text != NULL && sscanf (text, "%4d-%2d%n", &y, &m, &n) == 2 && text[n] == '\0'
      && y >= 2000 && y <= 9998 && m >= 1 && m <= 12)
    first = g_date_time_new (sz_record_time_zone (), y, m, 1, 0, 0, 0);
  if (first == NULL)
    {
      g_set_error (error, SZ_RECORD_ERROR, SZ_RECORD_ERROR_INVALID,
                   _("Month: “%s” is not a month; write it as 2026-11."), text ? text : "");
      return FALSE;
    }
  next = g_date_time_add_months (first, 1);
  *start = g_date_time_to_unix (first);
  *end = g_date_time_to_unix (next);
  return TRUE;
}

/* Refuses a time before 2000 or in the future, naming @field. */
static gboolean
check_time (const char  *field,
            gint64       t,
            gint64       now,
            GError     **error)
{
  g_autofree char *text = sz_record_format_time (t);

  if (t < EARLIEST_TIME)
    {
      g_set_error (error, SZ_RECORD_ERROR, SZ_RECORD_ERROR_INVALID,
                   _("%s: %s is before the year 2000; check the year."), field, text);
      return FALSE;
    }
  if (t > now + FUTURE_SLACK)
    {
      g_set_error (error, SZ_RECORD_ERROR, SZ_RECORD_ERROR_INVALID,
                   _("%s: %s is in the future."), field, text);
      return FALSE;
    }
  return TRUE;
}

/* Records */

SzRecord *
sz_record_new (void)
{
  SzRecord *r = g_new0 (SzRecord, 1);

  r->channel = SZ_CHANNEL_WECHAT;
  r->duty = SZ_DUTY_COLLECT;
  r->time_class = SZ_TIME_GENERAL;
  r->place_kind = SZ_NODE_COMMUNITY;
  return r;
}

void
sz_record_free (SzRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->reporter_name);
  g_free (record->reporter_phone);
  g_free (record->description);
  g_free (record->place_text);
  g_free (record->category_name);
  g_free (record->head_name);
  g_free (record->actor);
  g_free (record);
}

SzTimeClass
sz_record_default_time_class (SzDb   *db,
                              gint64  category_id)
{
  g_autoptr(SzRecordCategory) c = sz_record_category_get (db, category_id, NULL);

  return c ? c->time_class : SZ_TIME_GENERAL;
}

/* Finds the place's community and grid and the words that name it. */
static gboolean
resolve_place (SzDb      *db,
               SzRecord  *r,
               GError   **error)
{
  static const char * const sql[] = {
    [SZ_NODE_COMMUNITY] = "SELECT id, NULL, name FROM community WHERE id = ?1",
    [SZ_NODE_GRID] = "SELECT community_id, id, NULL FROM grid WHERE id = ?1",
    /* A compound within one grid counts under it; one spanning grids under none. */
    [SZ_NODE_COMPOUND] = "SELECT c.community_id,"
                         " (SELECT CASE WHEN count(DISTINCT b.grid_id) = 1 THEN min(b.grid_id) END"
                         "    FROM building b WHERE b.compound_id = c.id), c.name"
                         " FROM compound c WHERE c.id = ?1",
    [SZ_NODE_BUILDING] = "SELECT c.community_id, b.grid_id, NULL FROM building b"
                         " JOIN compound c ON c.id = b.compound_id WHERE b.id = ?1",
    [SZ_NODE_UNIT] = "SELECT c.community_id, b.grid_id, NULL FROM unit u JOIN building b ON b.id = u.building_id"
                     " JOIN compound c ON c.id = b.compound_id WHERE u.id = ?1",
  };
  static const char * const what[] = {
    N_("Community"), N_("Grid"), N_("Compound"), N_("Building"), N_("Unit"),
  };
  SzStmt *stmt;
  gint64 community_id;

  if ((guint) r->place_kind > SZ_NODE_UNIT)
    {
      g_set_error (error, SZ_RECORD_ERROR, SZ_RECORD_ERROR_INVALID, _("Place: choose where the issue is."));
      return FALSE;
    }
  if (r->place_kind == SZ_NODE_COMMUNITY && r->place_id == 0)
    r->place_id = r->community_id;
  stmt = sz_db_prepare (db, sql[r->place_kind], error);
  if (stmt == NULL)
    return FALSE;
  sz_stmt_bind_int64 (stmt, 1, r->place_id);
  switch (sz_db_step (db, stmt, error))
    {
    case SQLITE_ROW:
      break;
    case SQLITE_DONE:
      {
        g_autofree char *msg = NULL;

        sz_set_not_found (error, _(what[r->place_kind]), r->place_id);
        msg = g_strdup_printf (_("Place: %s"), (*error)->message);
        g_free ((*error)->message);
        (*error)->message = g_steal_pointer (&msg);
        (*error)->domain = SZ_RECORD_ERROR;
        (*error)->code = SZ_RECORD_ERROR_INVALID;
      }
      return FALSE;
    default:
      return FALSE;
    }
  community_id = sz_stmt_column_int64 (stmt, 0);
  r->grid_id = sz_stmt_column_int64 (stmt, 1);
  g_free (r->place_text);
  r->place_text = sz_db_column_dup (stmt, 2);
  sz_stmt_reset (stmt);
  if (community_id != r->community_id)
    {
      g_set_error (error, SZ_RECORD_ERROR, SZ_RECORD_ERROR_INVALID,
                   _("Place: the place is in another community."));
      return FALSE;
    }
  if (r->place_kind == SZ_NODE_GRID)
    {
      g_autoptr(SzGrid) grid = sz_grid_get (db, r->place_id, error);

      if (grid == NULL)
        return FALSE;
      g_free (r->place_text);
      r->place_text = sz_grid_label (grid);
    }
  else if (r->place_kind == SZ_NODE_BUILDING || r->place_kind == SZ_NODE_UNIT)
    {
      g_free (r->place_text);
      r->place_text = sz_place_label (db, r->place_kind == SZ_NODE_UNIT ? SZ_LEVEL_UNIT : SZ_LEVEL_BUILDING,
                                      r->place_id, error);
      if (r->place_text == NULL)
        return FALSE;
    }
  return TRUE;
}

/* Checks and normalises the intake fields in place. */
static gboolean
check_record (SzDb          *db,
              SzRecord      *r,
              gint64         old_category_id,
              GError       **error)
{
  g_autoptr(SzRecordCategory) category = NULL;
  g_autoptr(GError) local = NULL;

  if ((guint) r->channel >= SZ_N_CHANNELS)
    {
      g_set_error (error, SZ_RECORD_ERROR, SZ_RECORD_ERROR_INVALID, _("Channel: choose how the issue came in."));
      return FALSE;
    }
  if ((guint) r->duty >= SZ_N_DUTIES)
    {
      g_set_error (error, SZ_RECORD_ERROR, SZ_RECORD_ERROR_INVALID, _("Duty: choose one of the five duties."));
      return FALSE;
    }
  if ((guint) r->time_class >= SZ_N_TIME_CLASSES)
    {
      g_set_error (error, SZ_RECORD_ERROR, SZ_RECORD_ERROR_INVALID, _("Time limit: choose a class."));
      return FALSE;
    }
  if (!sz_validate_text (_("Description"), &r->description, TRUE, 2000, error)
      || !sz_validate_text (_("Reporter"), &r->reporter_name, FALSE, 40, error)
      || !sz_validate_phone (_("Reporter's phone"), &r->reporter_phone, FALSE, error)
      || !sz_row_require (db, "SELECT 1 FROM community WHERE id = ?1", r->community_id, _("Community"), error)
      || !resolve_place (db, r, error))
    return FALSE;

  if (r->category_id == 0)
    {
      g_set_error (error, SZ_RECORD_ERROR, SZ_RECORD_ERROR_INVALID, _("Category: choose a category."));
      return FALSE;
    }
  category = sz_record_category_get (db, r->category_id, &local);
  if (category == NULL)
    {
      g_set_error (error, SZ_RECORD_ERROR, SZ_RECORD_ERROR_INVALID, _("Category: %s"), local->message);
      return FALSE;
    }
  if (category->retired && category->id != old_category_id)
    {
      g_set_error (error, SZ_RECORD_ERROR, SZ_RECORD_ERROR_INVALID,
                   _("Category: “%s” is no longer used for new records; choose another."), category->name);
      return FALSE;
    }
  g_free (r->category_name);
  r->category_name = g_strdup (category->name);

  if (r->head_person_id != 0)
    {
      g_autoptr(GError) e = NULL;

      if (!sz_row_require (db, "SELECT 1 FROM person WHERE id = ?1", r->head_person_id, _("Person"), &e))
        {
          g_set_error (error, SZ_RECORD_ERROR, SZ_RECORD_ERROR_INVALID, _("Brought in by: %s"), e->message);
          return FALSE;
        }
    }
  return TRUE;
}

static void
bind_record (SzStmt         *stmt,
             const SzRecord *r)
{
  sz_stmt_bind_int64 (stmt, 1, r->community_id);
  sz_stmt_bind_int64 (stmt, 2, r->received_at);
  sz_db_bind_text (stmt, 3, sz_channel_to_string (r->channel));
  sz_db_bind_text (stmt, 4, r->reporter_name ? r->reporter_name : "");
  sz_db_bind_text_opt (stmt, 5, r->reporter_phone);
  sz_db_bind_text (stmt, 6, sz_node_kind_to_string (r->place_kind));
  sz_stmt_bind_int64 (stmt, 7, r->place_id);
  sz_db_bind_id_opt (stmt, 8, r->grid_id);
  sz_db_bind_text (stmt, 9, r->place_text);
  sz_stmt_bind_int64 (stmt, 10, r->category_id);
  sz_db_bind_text (stmt, 11, sz_duty_kind_to_string (r->duty));
  sz_db_bind_text (stmt, 12, r->description);
  sz_db_bind_id_opt (stmt, 13, r->head_person_id);
  sz_db_bind_text (stmt, 14, sz_time_class_to_string (r->time_class));
}

gboolean
sz_record_add (SzDb        *db,
               SzRecord    *record,
               const char  *note,
               GError     **error)
{
  return sz_record_add_entered (db, record, note, 0, error);
}

gboolean
sz_record_add_entered (SzDb        *db,
                       SzRecord    *record,
                       const char  *note,
                       gint64       entered_at,
                       GError     **error)
{
  g_autoptr(SzRecordEvent) received = sz_record_event_new ();
  gint64 now = sz_record_now ();
  SzStmt *stmt;
  gboolean ok;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (record != NULL && record->id == 0, FALSE);

  if (record->received_at == 0)
    record->received_at = now;
  if (!check_time (_("Received"), record->received_at, now, error))
    return FALSE;

  if (!sz_db_begin (db, error))
    return FALSE;
  ok = check_record (db, record, 0, error)
       && (stmt = sz_db_prepare (db, "INSERT INTO record (community_id, received_at, channel, reporter_name,"
                                     " reporter_phone, place_kind, place_id, grid_id, place_text, category_id,"
                                     " duty, description, head_person_id, time_class)"
                                     " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
                                 error)) != NULL;
  if (ok)
    {
      bind_record (stmt, record);
      ok = sz_row_finish_write (db, stmt, &record->id, error);
    }
  if (ok)
    {
      received->record_id = record->id;
      received->action = SZ_ACTION_RECEIVE;
      received->at = record->received_at;
      received->note = g_strdup (note);
      ok = sz_record_act_entered (db, received, entered_at, error);
    }
  if (!sz_db_end (db, ok, error))
    {
      record->id = 0;
      return FALSE;
    }
  g_free (record->actor);
  record->actor = g_strdup (received->actor);
  return TRUE;
}

static SzRecord *
record_from_row (SzStmt *stmt)
{
  SzRecord *r = g_new0 (SzRecord, 1);

  r->id = sz_stmt_column_int64 (stmt, 0);
  r->community_id = sz_stmt_column_int64 (stmt, 1);
  r->received_at = sz_stmt_column_int64 (stmt, 2);
  sz_channel_from_string ((const char *) sz_stmt_column_text (stmt, 3), &r->channel);
  r->reporter_name = sz_db_column_dup (stmt, 4);
  r->reporter_phone = sz_db_column_dup (stmt, 5);
  sz_node_kind_from_string ((const char *) sz_stmt_column_text (stmt, 6), &r->place_kind);
  r->place_id = sz_stmt_column_int64 (stmt, 7);
  r->grid_id = sz_stmt_column_int64 (stmt, 8);
  r->place_text = sz_db_column_dup (stmt, 9);
  r->category_id = sz_stmt_column_int64 (stmt, 10);
  sz_duty_kind_from_string ((const char *) sz_stmt_column_text (stmt, 11), &r->duty);
  r->description = sz_db_column_dup (stmt, 12);
  r->head_person_id = sz_stmt_column_int64 (stmt, 13);
  sz_time_class_from_string ((const char *) sz_stmt_column_text (stmt, 14), &r->time_class);
  r->category_name = sz_db_column_dup (stmt, 15);
  r->head_name = sz_db_column_dup (stmt, 16);
  r->actor = sz_db_column_dup (stmt, 17);
  return r;
}

SzRecord *
sz_record_get (SzDb     *db,
               gint64    id,
               GError  **error)
{
  SzStmt *stmt;

  g_return_val_if_fail (db != NULL, NULL);

  stmt = sz_db_prepare (db, "SELECT r.id, r.community_id, r.received_at, r.channel, r.reporter_name,"
                            " r.reporter_phone, r.place_kind, r.place_id, r.grid_id, r.place_text, r.category_id,"
                            " r.duty, r.description, r.head_person_id, r.time_class, c.name, p.name,"
                            " (SELECT actor FROM record_event WHERE record_id = r.id ORDER BY id LIMIT 1)"
                            " FROM record r JOIN record_category c ON c.id = r.category_id"
                            " LEFT JOIN person p ON p.id = r.head_person_id WHERE r.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  return sz_row_get (db, stmt, id, _("Record"), (gpointer) record_from_row, error);
}

gboolean
sz_record_update (SzDb      *db,
                  SzRecord  *record,
                  GError   **error)
{
  g_autoptr(SzRecord) old = NULL;
  SzStmt *stmt;
  gboolean ok;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (record != NULL, FALSE);

  if (!sz_db_begin (db, error))
    return FALSE;
  ok = (old = sz_record_get (db, record->id, error)) != NULL;
  if (ok)
    {
      /* The intake time and community are what the history hangs on. */
      record->received_at = old->received_at;
      record->community_id = old->community_id;
      ok = check_record (db, record, old->category_id, error)
           && (stmt = sz_db_prepare (db, "UPDATE record SET community_id = ?1, received_at = ?2, channel = ?3,"
                                         " reporter_name = ?4, reporter_phone = ?5, place_kind = ?6, place_id = ?7,"
                                         " grid_id = ?8, place_text = ?9, category_id = ?10, duty = ?11,"
                                         " description = ?12, head_person_id = ?13, time_class = ?14"
                                         " WHERE id = ?15", error)) != NULL;
    }
  if (ok)
    {
      bind_record (stmt, record);
      sz_stmt_bind_int64 (stmt, 15, record->id);
      ok = sz_row_finish_write (db, stmt, NULL, error);
    }
  /* A new time-limit class moves the due time. */
  ok = ok && sz_record_refresh_state (db, record, NULL, error);
  return sz_db_end (db, ok, error);
}
