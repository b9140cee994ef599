/* sz-record-history.c: what happens to a record, and what may happen next.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rules follow the public-service hotline practice (DOMAIN.md): a record
 * is received, reported to the community and/or dispatched to a department,
 * which may return it; it may be suspended (the clock stops) and resumed;
 * it is resolved, the resident is asked how it went, and it is closed.  A
 * resolved or closed record may be reopened, which starts a new clock.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sz-db.h"
#include "sz-record.h"
#include "sz-record-private.h"
#include "sz-roster.h"
#include "sz-validate.h"

#define FUTURE_SLACK (5 * 60)

SzRecordEvent *
sz_record_event_new (void)
{
  return g_new0 (SzRecordEvent, 1);
}

void
sz_record_event_free (SzRecordEvent *event)
{
  if (event == NULL)
    return;
  g_free (event->actor);
  g_free (event->note);
  g_free (event->department);
  g_free (event->contact);
  g_free (event);
}

static SzRecordEvent *
event_from_row (SzStmt *stmt)
{
  SzRecordEvent *e = sz_record_event_new ();

  e->id = sz_stmt_column_int64 (stmt, 0);
  e->record_id = sz_stmt_column_int64 (stmt, 1);
  sz_action_from_string ((const char *) sz_stmt_column_text (stmt, 2), &e->action);
  e->at = sz_stmt_column_int64 (stmt, 3);
  e->actor = sz_db_column_dup (stmt, 4);
  e->note = sz_db_column_dup (stmt, 5);
  e->department = sz_db_column_dup (stmt, 6);
  e->contact = sz_db_column_dup (stmt, 7);
  if (!sz_satisfaction_from_string ((const char *) sz_stmt_column_text (stmt, 8), &e->satisfaction))
    e->satisfaction = SZ_SATISFACTION_NONE;
  e->entered_at = sz_stmt_column_int64 (stmt, 9);
  return e;
}

GPtrArray *
sz_record_history (SzDb     *db,
                   gint64    record_id,
                   GError  **error)
{
  SzStmt *stmt;

  g_return_val_if_fail (db != NULL, NULL);

  stmt = sz_db_prepare (db, "SELECT id, record_id, action, at, actor, note, department, contact, satisfaction,"
                            " entered_at FROM record_event WHERE record_id = ?1 ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  sz_stmt_bind_int64 (stmt, 1, record_id);
  return sz_row_collect (db, stmt, (gpointer) event_from_row, (GDestroyNotify) sz_record_event_free, error);
}

/* The state machine */

/* Which actions each status allows, in the order buttons show them. */
static const SzAction allowed[SZ_N_RECORD_STATUSES][5] = {
  [SZ_RECORD_RECEIVED]    = { SZ_ACTION_REPORT, SZ_ACTION_DISPATCH, SZ_ACTION_RESOLVE, SZ_ACTION_SUSPEND, SZ_N_ACTIONS },
  [SZ_RECORD_REPORTED]    = { SZ_ACTION_DISPATCH, SZ_ACTION_RESOLVE, SZ_ACTION_SUSPEND, SZ_N_ACTIONS },
  [SZ_RECORD_DISPATCHED]  = { SZ_ACTION_RESOLVE, SZ_ACTION_RETURN, SZ_ACTION_SUSPEND, SZ_N_ACTIONS },
  [SZ_RECORD_RETURNED]    = { SZ_ACTION_DISPATCH, SZ_ACTION_RESOLVE, SZ_ACTION_SUSPEND, SZ_N_ACTIONS },
  [SZ_RECORD_SUSPENDED]   = { SZ_ACTION_RESUME, SZ_N_ACTIONS },
  [SZ_RECORD_RESOLVED]    = { SZ_ACTION_FOLLOW_UP, SZ_ACTION_CLOSE, SZ_ACTION_REOPEN, SZ_N_ACTIONS },
  [SZ_RECORD_FOLLOWED_UP] = { SZ_ACTION_CLOSE, SZ_ACTION_REOPEN, SZ_N_ACTIONS },
  [SZ_RECORD_REOPENED]    = { SZ_ACTION_REPORT, SZ_ACTION_DISPATCH, SZ_ACTION_RESOLVE, SZ_ACTION_SUSPEND, SZ_N_ACTIONS },
  [SZ_RECORD_CLOSED]      = { SZ_ACTION_REOPEN, SZ_N_ACTIONS },
};

guint
sz_record_state_actions (const SzRecordState *state,
                         SzAction             out[SZ_N_ACTIONS])
{
  guint n = 0;

  g_return_val_if_fail (state != NULL, 0);

  if (state->n_events == 0)
    {
      out[n++] = SZ_ACTION_RECEIVE;
      return n;
    }
  for (guint i = 0; i < G_N_ELEMENTS (allowed[0]) && allowed[state->status][i] != SZ_N_ACTIONS; i++)
    out[n++] = allowed[state->status][i];
  return n;
}

/* Why @action is not possible in @status, in a clerk's words. */
static const char *
refusal_reason (SzRecordStatus status,
                SzAction       action)
{
  if (action == SZ_ACTION_RECEIVE)
    return _("A record is received once, when it is entered.");
  if (status == SZ_RECORD_SUSPENDED)
    return _("The record is suspended: resume it first.");
  if (action == SZ_ACTION_RESUME)
    return _("The record is not suspended.");
  if (status == SZ_RECORD_CLOSED)
    return _("The record is closed: reopen it first.");
  if (!sz_record_status_is_open (status))
    switch (action)
      {
      case SZ_ACTION_FOLLOW_UP:
        return _("The resident has already been asked; reopen the record if the issue is back.");
      default:
        return _("The record is already resolved: reopen it to handle it again.");
      }
  switch (action)
    {
    case SZ_ACTION_REPORT:
      return _("The record is already past reporting to the community.");
    case SZ_ACTION_DISPATCH:
      return _("The record is with a department already: record its return before dispatching it again.");
    case SZ_ACTION_RETURN:
      return _("Only a dispatched record can be returned.");
    case SZ_ACTION_FOLLOW_UP:
      return _("Only a resolved record can be followed up.");
    case SZ_ACTION_REOPEN:
      return _("The record is still open.");
    case SZ_ACTION_CLOSE:
      return _("Only a resolved record can be closed.");
    default:
      return _("This is not possible now.");
    }
}

gboolean
sz_record_state_can (const SzRecordState  *state,
                     SzAction              action,
                     GError              **error)
{
  SzAction possible[SZ_N_ACTIONS];
  guint n;
  g_autoptr(GString) list = NULL;

  g_return_val_if_fail (state != NULL, FALSE);
  g_return_val_if_fail ((guint) action < SZ_N_ACTIONS, FALSE);

  n = sz_record_state_actions (state, possible);
  for (guint i = 0; i < n; i++)
    if (possible[i] == action)
      return TRUE;

  list = g_string_new (NULL);
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        /* Translators: separates the actions in a list */
        g_string_append (list, _(", "));
      g_string_append (list, sz_action_title (possible[i]));
    }
  g_set_error (error, SZ_RECORD_ERROR, SZ_RECORD_ERROR_TRANSITION,
               /* Translators: an action; the record's status; why not; the actions possible now */
               _("“%s” is not possible while the record is “%s”. %s Possible now: %s."),
               sz_action_title (action), sz_record_status_title (state->status),
               refusal_reason (state->status, action), list->str);
  return FALSE;
}

/* Applies one entry to @state, checking it. */
static gboolean
apply_event (SzRecordState        *state,
             SzTimeClass           time_class,
             const SzRecordEvent  *e,
             GError              **error)
{
  gint64 limit = sz_time_class_seconds (time_class);

  if (state->n_events > 0 && e->at < state->last_at)
    {
      g_autofree char *at = sz_record_format_time (e->at);
      g_autofree char *last = sz_record_format_time (state->last_at);

      g_set_error (error, SZ_RECORD_ERROR, SZ_RECORD_ERROR_INVALID,
                   /* Translators: two times */
                   _("Time: %s is before the record's last entry (%s)."), at, last);
      return FALSE;
    }
  if (!sz_record_state_can (state, e->action, error))
    return FALSE;
  if (e->action == SZ_ACTION_CLOSE && state->status == SZ_RECORD_RESOLVED && (e->note == NULL || *e->note == '\0'))
    {
      g_set_error (error, SZ_RECORD_ERROR, SZ_RECORD_ERROR_INVALID,
                   _("Note: say why the record is closed without asking the resident how it went."));
      return FALSE;
    }

  switch (e->action)
    {
    case SZ_ACTION_RECEIVE:
      state->status = SZ_RECORD_RECEIVED;
      state->clock_start = e->at;
      break;
    case SZ_ACTION_REPORT:
      state->status = SZ_RECORD_REPORTED;
      break;
    case SZ_ACTION_DISPATCH:
      state->status = SZ_RECORD_DISPATCHED;
      break;
    case SZ_ACTION_RETURN:
      state->status = SZ_RECORD_RETURNED;
      break;
    case SZ_ACTION_SUSPEND:
      state->before_suspension = state->status;
      state->status = SZ_RECORD_SUSPENDED;
      state->suspended_since = e->at;
      break;
    case SZ_ACTION_RESUME:
      state->status = state->before_suspension;
      state->suspended_seconds += e->at - state->suspended_since;
      state->suspended_since = 0;
      break;
    case SZ_ACTION_RESOLVE:
      state->status = SZ_RECORD_RESOLVED;
      state->resolved_at = e->at;
      break;
    case SZ_ACTION_FOLLOW_UP:
      state->status = SZ_RECORD_FOLLOWED_UP;
      state->satisfaction = e->satisfaction;
      break;
    case SZ_ACTION_REOPEN:
      /* A reopened record is handled anew: a new clock, and the earlier
       * resolution and follow-up no longer count. */
      state->status = SZ_RECORD_REOPENED;
      state->clock_start = e->at;
      state->suspended_seconds = 0;
      state->resolved_at = 0;
      state->closed_at = 0;
      state->satisfaction = SZ_SATISFACTION_NONE;
      break;
    case SZ_ACTION_CLOSE:
      state->status = SZ_RECORD_CLOSED;
      state->closed_at = e->at;
      break;
    default:
      g_return_val_if_reached (FALSE);
    }

  if (e->action != SZ_ACTION_RECEIVE && state->responded_at == 0)
    state->responded_at = e->at;
  state->due_at = state->suspended_since != 0 ? 0 : state->clock_start + limit + state->suspended_seconds;
  state->last_at = e->at;
  state->n_events++;
  return TRUE;
}

gboolean
sz_record_state_fold (SzTimeClass     time_class,
                      GPtrArray      *events,
                      SzRecordState  *state,
                      GError        **error)
{
  g_return_val_if_fail (events != NULL, FALSE);
  g_return_val_if_fail (state != NULL, FALSE);

  memset (state, 0, sizeof *state);
  for (guint i = 0; i < events->len; i++)
    if (!apply_event (state, time_class, events->pdata[i], error))
      return FALSE;
  return TRUE;
}

gboolean
sz_record_state_is_overdue (const SzRecordState *state,
                            gint64               now)
{
  return state->n_events > 0 && sz_record_status_is_open (state->status)
         && state->due_at != 0 && state->due_at < now;
}

gboolean
sz_record_state_resolved_on_time (const SzRecordState *state)
{
  return state->resolved_at != 0 && state->resolved_at <= state->due_at;
}

/* The cached state */

/* What the list's search looks in (sz-record-stats.c), lower-cased. */
static char *
search_text (const SzRecord *record,
             GPtrArray      *events)
{
  g_autoptr(GString) s = g_string_new (NULL);

  g_string_append_printf (s, "%s\n%s\n", record->description, record->place_text);
  for (guint i = 0; i < events->len; i++)
    {
      SzRecordEvent *e = events->pdata[i];

      if (e->note && *e->note)
        g_string_append_printf (s, "%s\n", e->note);
      if (e->department && *e->department)
        g_string_append_printf (s, "%s %s\n", e->department, e->contact ? e->contact : "");
    }
  return g_utf8_strdown (s->str, s->len);
}

/* Stores @state, folded from @events, as the record's cached state. */
static gboolean
write_state (SzDb                *db,
             const SzRecord      *record,
             const SzRecordState *state,
             GPtrArray           *events,
             GError             **error)
{
  g_autofree char *text = search_text (record, events);
  gint64 record_id = record->id;
  SzStmt *stmt;

  stmt = sz_db_prepare (db, "INSERT OR REPLACE INTO record_state (record_id, status, before_suspension, clock_start,"
                            " suspended_seconds, suspended_since, due_at, responded_at, resolved_at, closed_at,"
                            " satisfaction, last_at, n_events, search_text)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)", error);
  if (stmt == NULL)
    return FALSE;
  sz_stmt_bind_int64 (stmt, 1, record_id);
  sz_db_bind_text (stmt, 2, sz_record_status_to_string (state->status));
  sz_db_bind_text_opt (stmt, 3, state->status == SZ_RECORD_SUSPENDED
                                  ? sz_record_status_to_string (state->before_suspension) : NULL);
  sz_stmt_bind_int64 (stmt, 4, state->clock_start);
  sz_stmt_bind_int64 (stmt, 5, state->suspended_seconds);
  sz_stmt_bind_int64 (stmt, 6, state->suspended_since);
  sz_stmt_bind_int64 (stmt, 7, state->due_at);
  sz_stmt_bind_int64 (stmt, 8, state->responded_at);
  sz_stmt_bind_int64 (stmt, 9, state->resolved_at);
  sz_stmt_bind_int64 (stmt, 10, state->closed_at);
  sz_db_bind_text_opt (stmt, 11, sz_satisfaction_to_string (state->satisfaction));
  sz_stmt_bind_int64 (stmt, 12, state->last_at);
  sz_stmt_bind_int (stmt, 13, state->n_events);
  sz_db_bind_text (stmt, 14, text);
  return sz_row_finish_write (db, stmt, NULL, error);
}

gboolean
sz_record_refresh_state (SzDb           *db,
                         const SzRecord *record,
                         SzRecordState  *out,
                         GError        **error)
{
  g_autoptr(GPtrArray) events = NULL;
  SzRecordState state;

  events = sz_record_history (db, record->id, error);
  if (events == NULL || !sz_record_state_fold (record->time_class, events, &state, error)
      || !write_state (db, record, &state, events, error))
    return FALSE;
  if (out != NULL)
    *out = state;
  return TRUE;
}

SzRecordState *
sz_record_get_state (SzDb     *db,
                     gint64    record_id,
                     GError  **error)
{
  g_autoptr(SzRecord) record = sz_record_get (db, record_id, error);
  g_autoptr(GPtrArray) events = NULL;
  SzRecordState *state;

  if (record == NULL || (events = sz_record_history (db, record_id, error)) == NULL)
    return NULL;
  state = g_new0 (SzRecordState, 1);
  if (!sz_record_state_fold (record->time_class, events, state, error))
    g_clear_pointer (&state, g_free);
  return state;
}

/* What each action needs besides the time. */
static gboolean
check_event_fields (SzRecordEvent  *e,
                    GError        **error)
{
  gboolean note_required = e->action == SZ_ACTION_RETURN || e->action == SZ_ACTION_SUSPEND
                           || e->action == SZ_ACTION_RESOLVE || e->action == SZ_ACTION_REOPEN;
  const char *note_field;

  switch (e->action)
    {
    case SZ_ACTION_RETURN:
    case SZ_ACTION_SUSPEND:
    case SZ_ACTION_REOPEN:
      note_field = _("Why");
      break;
    case SZ_ACTION_RESOLVE:
      note_field = _("What was done");
      break;
    default:
      note_field = _("Note");
      break;
    }
  if (!sz_validate_text (note_field, &e->note, note_required, 2000, error)
      || !sz_validate_text (_("By"), &e->actor, TRUE, 40, error)
      || !sz_validate_text (_("Department"), &e->department, e->action == SZ_ACTION_DISPATCH, 80, error)
      || !sz_validate_text (_("Contact"), &e->contact, FALSE, 80, error))
    return FALSE;
  if (e->action == SZ_ACTION_FOLLOW_UP
      && (e->satisfaction <= SZ_SATISFACTION_NONE || e->satisfaction >= SZ_N_SATISFACTIONS))
    {
      g_set_error (error, SZ_RECORD_ERROR, SZ_RECORD_ERROR_INVALID,
                   _("Satisfaction: say whether the resident was satisfied, basically satisfied or dissatisfied."));
      return FALSE;
    }
  if (e->action != SZ_ACTION_FOLLOW_UP)
    e->satisfaction = SZ_SATISFACTION_NONE;
  if (e->action != SZ_ACTION_DISPATCH)
    {
      g_free (e->department);
      g_free (e->contact);
      e->department = g_strdup ("");
      e->contact = g_strdup ("");
    }
  if (e->department == NULL)
    e->department = g_strdup ("");
  if (e->contact == NULL)
    e->contact = g_strdup ("");
  if (e->note == NULL)
    e->note = g_strdup ("");
  return TRUE;
}

gboolean
sz_record_act (SzDb           *db,
               SzRecordEvent  *event,
               GError        **error)
{
  return sz_record_act_entered (db, event, 0, error);
}

gboolean
sz_record_act_entered (SzDb           *db,
                       SzRecordEvent  *event,
                       gint64          entered_at,
                       GError        **error)
{
  g_autoptr(SzRecord) record = NULL;
  g_autoptr(GPtrArray) events = NULL;
  SzRecordState state;
  gint64 now = sz_record_now ();
  SzStmt *stmt;
  gboolean ok;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (event != NULL, FALSE);
  g_return_val_if_fail ((guint) event->action < SZ_N_ACTIONS, FALSE);

  if (event->at == 0)
    event->at = now;
  if (event->actor == NULL || *event->actor == '\0')
    {
      g_free (event->actor);
      event->actor = g_strdup (sz_db_get_actor (db));
    }
  if (!check_event_fields (event, error))
    return FALSE;
  if (event->at > now + FUTURE_SLACK)
    {
      g_autofree char *at = sz_record_format_time (event->at);

      g_set_error (error, SZ_RECORD_ERROR, SZ_RECORD_ERROR_INVALID, _("Time: %s is in the future."), at);
      return FALSE;
    }

  if (!sz_db_begin (db, error))
    return FALSE;
  ok = (record = sz_record_get (db, event->record_id, error)) != NULL
       && (events = sz_record_history (db, event->record_id, error)) != NULL
       && sz_record_state_fold (record->time_class, events, &state, error);
  /* Checked before writing, so that the refusal names the action. */
  ok = ok && apply_event (&state, record->time_class, event, error);
  ok = ok && (stmt = sz_db_prepare (db, "INSERT INTO record_event (record_id, action, at, actor, note, department,"
                                        " contact, satisfaction, entered_at)"
                                        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", error)) != NULL;
  if (ok)
    {
      sz_stmt_bind_int64 (stmt, 1, event->record_id);
      sz_db_bind_text (stmt, 2, sz_action_to_string (event->action));
      sz_stmt_bind_int64 (stmt, 3, event->at);
      sz_db_bind_text (stmt, 4, event->actor);
      sz_db_bind_text (stmt, 5, event->note);
      sz_db_bind_text (stmt, 6, event->department);
      sz_db_bind_text (stmt, 7, event->contact);
      sz_db_bind_text_opt (stmt, 8, sz_satisfaction_to_string (event->satisfaction));
      sz_stmt_bind_int64 (stmt, 9, entered_at != 0 ? entered_at : now);
      event->id = 0;
      ok = sz_row_finish_write (db, stmt, &event->id, error);
    }
  if (ok)
    {
      /* The state already folded, with the new entry at the end. */
      g_ptr_array_add (events, event);
      ok = write_state (db, record, &state, events, error);
      g_ptr_array_steal_index (events, events->len - 1);
    }
  if (!sz_db_end (db, ok, error))
    {
      event->id = 0;
      return FALSE;
    }
  event->entered_at = entered_at != 0 ? entered_at : now;
  return TRUE;
}
