/* sz-record.h: residents' issue records (民情), from intake to the end.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A record is what a resident reported: when, through which channel, by
 * whom (private), where, its category and duty, the head who brought it in
 * and its time-limit class.  Everything that happens to it afterwards is an
 * event appended to its history; the database refuses to change or delete
 * history rows (a record and its history go only with their community).
 *
 * Times are Unix seconds (gint64).  Days, months and deadlines are reckoned
 * in Asia/Shanghai local time (UTC+8, no daylight saving since 1991).
 */

#pragma once

#include "sz-core-types.h"
#include "sz-tree.h"

G_BEGIN_DECLS

/* How the report came in. */
typedef enum
{
  SZ_CHANNEL_WECHAT,         /* a WeChat group */
  SZ_CHANNEL_VISIT,          /* the resident came to the office or a head */
  SZ_CHANNEL_PHONE,
  SZ_CHANNEL_PATROL,         /* a head's patrol */
  SZ_CHANNEL_CITY_HOTLINE,   /* a 12345 referral */
  SZ_CHANNEL_OTHER,
  SZ_N_CHANNELS
} SzChannel;

/* The five duties of the three heads (DOMAIN.md). */
typedef enum
{
  SZ_DUTY_COLLECT,           /* 收集民情信息 */
  SZ_DUTY_PUBLICISE,         /* 宣传政策法规 */
  SZ_DUTY_MEDIATE,           /* 调处纠纷矛盾 */
  SZ_DUTY_SERVE,             /* 开展便民服务 */
  SZ_DUTY_SUPERVISE,         /* 实施有效监督 */
  SZ_N_DUTIES
} SzDutyKind;

/* The time limit for resolving a record. */
typedef enum
{
  SZ_TIME_EMERGENCY,         /* 2 hours */
  SZ_TIME_UTILITY,           /* water, power, gas, heating: 24 hours */
  SZ_TIME_GENERAL,           /* 7 days */
  SZ_TIME_COMPLEX,           /* 15 days */
  SZ_N_TIME_CLASSES
} SzTimeClass;

/* Where a record is now: the result of its history. */
typedef enum
{
  SZ_RECORD_RECEIVED,
  SZ_RECORD_REPORTED,        /* reported to the community */
  SZ_RECORD_DISPATCHED,      /* sent to a department or company */
  SZ_RECORD_RETURNED,        /* sent back by it */
  SZ_RECORD_SUSPENDED,       /* the clock is stopped */
  SZ_RECORD_RESOLVED,
  SZ_RECORD_FOLLOWED_UP,     /* the resident was asked how it went */
  SZ_RECORD_REOPENED,
  SZ_RECORD_CLOSED,
  SZ_N_RECORD_STATUSES
} SzRecordStatus;

/* What can happen to a record: one history entry each. */
typedef enum
{
  SZ_ACTION_RECEIVE,         /* the first entry, written with the record */
  SZ_ACTION_REPORT,          /* report to the community */
  SZ_ACTION_DISPATCH,        /* needs a department; a contact is optional */
  SZ_ACTION_RETURN,          /* needs a note: why */
  SZ_ACTION_SUSPEND,         /* needs a note: why */
  SZ_ACTION_RESUME,
  SZ_ACTION_RESOLVE,         /* needs a note: what was done */
  SZ_ACTION_FOLLOW_UP,       /* needs a satisfaction */
  SZ_ACTION_REOPEN,          /* needs a note: why */
  SZ_ACTION_CLOSE,           /* needs a note when there was no follow-up */
  SZ_N_ACTIONS
} SzAction;

typedef enum
{
  SZ_SATISFACTION_NONE,      /* not a follow-up */
  SZ_SATISFACTION_SATISFIED,
  SZ_SATISFACTION_BASICALLY,
  SZ_SATISFACTION_DISSATISFIED,
  SZ_N_SATISFACTIONS
} SzSatisfaction;

#define SZ_RECORD_ERROR (sz_record_error_quark ())

typedef enum
{
  SZ_RECORD_ERROR_INVALID,     /* a field is wrong: the message names it */
  SZ_RECORD_ERROR_TRANSITION,  /* the action is not possible now: says why */
  SZ_RECORD_ERROR_NOT_FOUND,
  SZ_RECORD_ERROR_IN_USE,      /* a category still used by records */
} SzRecordError;

GQuark      sz_record_error_quark          (void);

/* Database strings ("wechat", "city_hotline", …) and translated titles. */
const char *sz_channel_to_string            (SzChannel       channel);
gboolean    sz_channel_from_string          (const char     *str,
                                             SzChannel      *channel);
const char *sz_channel_title                (SzChannel       channel);

const char *sz_duty_kind_to_string          (SzDutyKind      duty);
gboolean    sz_duty_kind_from_string        (const char     *str,
                                             SzDutyKind     *duty);
const char *sz_duty_kind_title              (SzDutyKind      duty);

const char *sz_time_class_to_string         (SzTimeClass     time_class);
gboolean    sz_time_class_from_string       (const char     *str,
                                             SzTimeClass    *time_class);
/* "Emergency (2 hours)", … */
const char *sz_time_class_title             (SzTimeClass     time_class);
gint64      sz_time_class_seconds           (SzTimeClass     time_class);

const char *sz_record_status_to_string      (SzRecordStatus  status);
gboolean    sz_record_status_from_string    (const char     *str,
                                             SzRecordStatus *status);
const char *sz_record_status_title          (SzRecordStatus  status);
/* Not resolved, followed up or closed: the clock runs (unless suspended). */
gboolean    sz_record_status_is_open        (SzRecordStatus  status);

const char *sz_action_to_string             (SzAction        action);
gboolean    sz_action_from_string           (const char     *str,
                                             SzAction       *action);
/* The verb on a button: "Dispatch…", without the ellipsis. */
const char *sz_action_title                 (SzAction        action);

const char *sz_satisfaction_to_string       (SzSatisfaction  satisfaction);
gboolean    sz_satisfaction_from_string     (const char     *str,
                                             SzSatisfaction *satisfaction);
const char *sz_satisfaction_title           (SzSatisfaction  satisfaction);


/* ---- Time, in Asia/Shanghai local time ---------------------------------- */

GTimeZone  *sz_record_time_zone             (void);   /* owned by the core */
gint64      sz_record_now                   (void);
/* "2026-11-25 14:30" */
char       *sz_record_format_time           (gint64          t);
/* "2026-11-25 14:30", "2026-11-25 14:30:05", "2026-11-25T14:30",
 * "2026-11-25" (00:00), local time.  FALSE and @error naming @field. */
gboolean    sz_record_parse_time            (const char     *text,
                                             const char     *field,
                                             gint64         *t,
                                             GError        **error);
/* "2026-11" → [start, end) of that month in local time. */
gboolean    sz_record_parse_month           (const char     *text,
                                             gint64         *start,
                                             gint64         *end,
                                             GError        **error);
/* The local month of @t: "2026-11". */
char       *sz_record_month_of              (gint64          t);
/* [start, end) of the local day of @t. */
void        sz_record_day_bounds            (gint64          t,
                                             gint64         *start,
                                             gint64         *end);

/* ---- Categories: an editable list ---------------------------------------- */

typedef struct
{
  gint64       id;
  char        *name;         /* "供水" */
  SzTimeClass  time_class;   /* the default for new records */
  int          position;     /* 1-based order */
  gboolean     retired;      /* kept for old records, not offered for new ones */
} SzRecordCategory;

void       sz_record_category_free     (SzRecordCategory *category);
/* Seeds water, electricity, gas, heating, property and repairs, sanitation,
 * neighbour dispute and noise, safety, parking, greening, elderly care,
 * policy enquiry and other, in the user's language (migration 3). */
gboolean   sz_record_category_seed     (SzDb          *db,
                                        GError       **error);
/* By position; retired ones only with @with_retired. */
GPtrArray *sz_record_category_list     (SzDb          *db,
                                        gboolean       with_retired,
                                        GError       **error);
SzRecordCategory *sz_record_category_get (SzDb        *db,
                                        gint64         id,
                                        GError       **error);
/* Exact name, case-sensitive, retired ones too; NULL without error when none. */
SzRecordCategory *sz_record_category_find (SzDb       *db,
                                        const char    *name,
                                        GError       **error);
gboolean   sz_record_category_add      (SzDb          *db,
                                        const char    *name,
                                        SzTimeClass    time_class,
                                        gint64        *id,
                                        GError       **error);
gboolean   sz_record_category_update   (SzDb          *db,
                                        gint64         id,
                                        const char    *name,
                                        SzTimeClass    time_class,
                                        GError       **error);
gboolean   sz_record_category_move     (SzDb          *db,
                                        gint64         id,
                                        int            position,
                                        GError       **error);
/* Deletes a category no record uses; one in use is retired instead when
 * @retire_if_used, else SZ_RECORD_ERROR_IN_USE saying how many use it. */
gboolean   sz_record_category_remove   (SzDb          *db,
                                        gint64         id,
                                        gboolean       retire_if_used,
                                        GError       **error);
gboolean   sz_record_category_set_retired (SzDb       *db,
                                        gint64         id,
                                        gboolean       retired,
                                        GError       **error);

/* ---- A record --------------------------------------------------------- */

typedef struct
{
  gint64       id;
  gint64       community_id;
  gint64       received_at;
  SzChannel    channel;
  char        *reporter_name;   /* "" or NULL: anonymous */
  char        *reporter_phone;  /* normal form (sz-phone.h), NULL: none; private */
  /* Where: SZ_NODE_COMMUNITY … SZ_NODE_UNIT (sz-tree.h) and its id.  A
   * compound may span grids: a compound's or the community's records count
   * under no grid. */
  SzNodeKind   place_kind;
  gint64       place_id;
  gint64       category_id;
  SzDutyKind   duty;
  char        *description;
  gint64       head_person_id;  /* who brought it in; 0: nobody */
  SzTimeClass  time_class;

  /* Filled in by the core on save and get, ignored on save: */
  gint64       grid_id;         /* 0: community or a compound */
  char        *place_text;      /* "丰和林苑 2栋 1单元", kept if the place goes */
  char        *category_name;
  char        *head_name;       /* NULL: nobody */
  char        *actor;           /* who entered it (the received entry's actor) */
} SzRecord;

SzRecord   *sz_record_new                   (void);
void        sz_record_free                  (SzRecord       *record);
/* The category's default class. */
SzTimeClass sz_record_default_time_class    (SzDb           *db,
                                             gint64          category_id);

/* A new record (id 0): validates every field (message names the field),
 * normalises the phone, writes the record and its "received" entry (actor:
 * the database's actor; @note may be NULL) in one transaction, sets id.
 * received_at 0 means now; a time in the future is refused. */
gboolean    sz_record_add                   (SzDb           *db,
                                             SzRecord       *record,
                                             const char     *note,
                                             GError        **error);
/* Corrects the intake fields of an existing record (audited like the
 * roster); received_at is kept. */
gboolean    sz_record_update                (SzDb           *db,
                                             SzRecord       *record,
                                             GError        **error);
SzRecord   *sz_record_get                   (SzDb           *db,
                                             gint64          id,
                                             GError        **error);

/* ---- History ------------------------------------------------------------ */

typedef struct
{
  gint64          id;
  gint64          record_id;
  SzAction        action;
  gint64          at;           /* when it happened */
  char           *actor;        /* who did it */
  char           *note;         /* why / what was done; "" none */
  char           *department;   /* dispatch: department or company */
  char           *contact;      /* dispatch: its contact, may be "" */
  SzSatisfaction  satisfaction; /* follow-up */
  gint64          entered_at;   /* when it was written down */
} SzRecordEvent;

SzRecordEvent *sz_record_event_new          (void);
void        sz_record_event_free            (SzRecordEvent  *event);
/* Oldest first. */
GPtrArray  *sz_record_history               (SzDb           *db,
                                             gint64          record_id,
                                             GError        **error);

/* The state a history leads to: folded from the entries, oldest first. */
typedef struct
{
  SzRecordStatus status;
  SzRecordStatus before_suspension;  /* while suspended */
  gint64         clock_start;        /* received, or the last reopening */
  gint64         suspended_seconds;  /* since clock_start, finished suspensions */
  gint64         suspended_since;    /* 0: not suspended */
  gint64         due_at;             /* clock_start + limit + suspensions; 0 while suspended */
  gint64         responded_at;       /* first entry after "received"; 0: none */
  gint64         resolved_at;        /* last resolution; 0: none */
  gint64         closed_at;          /* 0: not closed */
  SzSatisfaction satisfaction;       /* last follow-up */
  gint64         last_at;            /* time of the last entry */
  guint          n_events;
} SzRecordState;

/* Folds @events (SzRecordEvent*, oldest first) into @state; checks every
 * step like sz_record_act() and fails naming the first invalid one. */
gboolean    sz_record_state_fold            (SzTimeClass      time_class,
                                             GPtrArray       *events,
                                             SzRecordState   *state,
                                             GError         **error);
/* Whether @action is valid in @state; if not, @error says why in words a
 * clerk understands ("Record is suspended: resume it first."). */
gboolean    sz_record_state_can             (const SzRecordState *state,
                                             SzAction         action,
                                             GError         **error);
/* The actions valid in @state, in the order buttons show them; n_out set. */
guint       sz_record_state_actions         (const SzRecordState *state,
                                             SzAction         out[SZ_N_ACTIONS]);
/* Open and past due at @now (a suspended record is never overdue). */
gboolean    sz_record_state_is_overdue      (const SzRecordState *state,
                                             gint64           now);
/* Resolved at or before its due time. */
gboolean    sz_record_state_resolved_on_time (const SzRecordState *state);

SzRecordState *sz_record_get_state          (SzDb           *db,
                                             gint64          record_id,
                                             GError        **error);

/* Appends @event (record_id, action, at (0: now), actor (NULL: the database's
 * actor), note, department, contact, satisfaction) after checking that the
 * action is valid now, its fields are there, and @at is neither before the
 * last entry nor in the future.  One transaction; sets event->id. */
gboolean    sz_record_act                   (SzDb           *db,
                                             SzRecordEvent  *event,
                                             GError        **error);

/* ---- Lists ---------------------------------------------------------- */

typedef enum
{
  SZ_RECORD_FILTER_ANY_STATUS = -1,
  SZ_RECORD_FILTER_OPEN       = -2,    /* any open status */
} SzRecordStatusFilter;

typedef struct
{
  gint64   community_id;   /* required */
  int      status;         /* an SzRecordStatus, or SZ_RECORD_FILTER_* */
  gboolean overdue;        /* only open records past due at @now */
  gboolean due_today;      /* only open records due before the end of today */
  gboolean awaiting_follow_up; /* only resolved records not yet followed up (回访) or closed */
  gint64   grid_id;        /* 0: any; -1: records under no grid */
  gint64   category_id;    /* 0: any */
  int      channel;        /* an SzChannel, or -1: any */
  gint64   month_start;    /* received in [month_start, month_end); 0: any */
  gint64   month_end;
  char    *search;         /* in description, place, department, notes; NULL: none */
  gint64   now;            /* 0: sz_record_now() */
  guint    limit;          /* at most this many rows, newest first; 0: all */
} SzRecordFilter;

void        sz_record_filter_init           (SzRecordFilter *filter,
                                             gint64          community_id);
void        sz_record_filter_clear          (SzRecordFilter *filter);

/* One row of a list: what the list shows, without the reporter. */
typedef struct
{
  gint64          id;
  gint64          received_at;
  SzChannel       channel;
  SzNodeKind      place_kind;
  gint64          place_id;
  gint64          grid_id;
  char           *place_text;
  gint64          category_id;
  char           *category_name;
  SzTimeClass     time_class;
  char           *description;
  SzRecordStatus  status;
  gint64          due_at;      /* 0 while suspended */
  gint64          resolved_at;
  SzSatisfaction  satisfaction;
  gboolean        overdue;     /* at the filter's now */
} SzRecordRow;

void        sz_record_row_free              (SzRecordRow    *row);
/* Rows matching @filter, newest first; @total (may be NULL) gets how many
 * match without the limit. */
GPtrArray  *sz_record_list                  (SzDb           *db,
                                             const SzRecordFilter *filter,
                                             guint          *total,
                                             GError        **error);

/* What the list's quick filters would show, each on its own with the
 * grid, category, channel, month and search of @filter (its status,
 * overdue, due_today and awaiting_follow_up are ignored). */
typedef struct
{
  guint overdue;
  guint due_today;
  guint awaiting_follow_up;
} SzRecordCounts;

gboolean    sz_record_count_quick           (SzDb           *db,
                                             const SzRecordFilter *filter,
                                             SzRecordCounts *counts,
                                             GError        **error);

/* ---- Figures ------------------------------------------------------------- */

/* Of the records received in a period, as they stand at @now:
 *  response rate     = responded in time / received, where responding is
 *                      any entry after "received" within 2 hours for an
 *                      emergency and 24 hours otherwise;
 *  resolution rate   = resolved (resolved, followed up or closed after a
 *                      resolution) / received;
 *  satisfaction rate = (satisfied + basically satisfied) / followed up,
 *                      the last follow-up of each record counting. */
typedef struct
{
  char  *key;          /* "2026-11", a grid number, a category name, … */
  gint64 id;           /* grid id, category id, channel; 0 where none */
  guint  received;
  guint  responded;    /* in time */
  guint  resolved;
  guint  resolved_on_time;
  guint  open;
  guint  overdue;      /* open and past due at @now */
  guint  followed_up;
  guint  satisfied;
  guint  basically;
  guint  dissatisfied;
} SzRecordFigures;

/* Rates as fractions 0..1; -1 when the denominator is 0. */
double      sz_record_figures_response_rate     (const SzRecordFigures *f);
double      sz_record_figures_resolution_rate   (const SzRecordFigures *f);
double      sz_record_figures_satisfaction_rate (const SzRecordFigures *f);
/* "87.5%", or "—" when there is nothing to divide by. */
char       *sz_record_format_rate               (double rate);
/* The three definitions above, translated, one sentence each. */
const char *sz_record_response_definition       (void);
const char *sz_record_resolution_definition     (void);
const char *sz_record_satisfaction_definition   (void);

typedef struct
{
  char            *month;        /* "2026-11" */
  gint64           now;          /* figures as they stood then */
  SzRecordFigures  total;
  GPtrArray       *by_grid;      /* SzRecordFigures*, every grid by number, key
                                    its label; then, if any, a row id 0 for the
                                    records under no grid, key already translated */
  GPtrArray       *by_category;  /* by category position, only categories with records */
  GPtrArray       *by_channel;   /* by channel, only channels with records */
  GPtrArray       *trend;        /* the month and the 5 before it, oldest first, key "YYYY-MM" */
} SzRecordStats;

void        sz_record_stats_free            (SzRecordStats  *stats);
/* @month "YYYY-MM"; @now 0: sz_record_now(). */
SzRecordStats *sz_record_stats              (SzDb           *db,
                                             gint64          community_id,
                                             const char     *month,
                                             gint64          now,
                                             GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SzRecord, sz_record_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SzRecordEvent, sz_record_event_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SzRecordRow, sz_record_row_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SzRecordStats, sz_record_stats_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SzRecordCategory, sz_record_category_free)

G_END_DECLS
