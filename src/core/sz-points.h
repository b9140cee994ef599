/* sz-points.h: the heads' volunteer service hours and points (积分).
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two quantities per person: service hours (recorded service; they only
 * grow, except when a mistake is reversed, and are what honours and
 * volunteer records count) and points (earned, redeemed, expired).
 * Redeeming points never takes away hours.
 *
 * Every change is an append-only movement with who, when, why and where it
 * came from (an activity, a record, a redemption).  A mistake is corrected
 * by a reversing movement, never by editing or deleting: the database
 * refuses UPDATE and DELETE on movements (they go only with their
 * community, as records do), and refuses any movement that would take a
 * balance of points or of hours below zero.
 *
 * Units: service time in minutes (int); points in tenths of a point
 * (gint64: 15 is 1.5 points), so that 1 hour = 1 point rules and halves
 * add up exactly.  sz_points_format() writes them for people.
 * Days are "YYYY-MM-DD" in Asia/Shanghai (sz_today() of sz-post.h: there
 * is no sz_record_today()); entry times Unix seconds.
 *
 * The schema is resources/sql/0007-points.sql: its triggers refuse what
 * the functions below refuse, for any other path (the sqlite3 shell).
 */

#pragma once

#include "sz-core-types.h"

G_BEGIN_DECLS

#define SZ_POINTS_ERROR (sz_points_error_quark ())

typedef enum
{
  SZ_POINTS_ERROR_INVALID,      /* a field's value: the message starts with its label */
  SZ_POINTS_ERROR_NOT_FOUND,
  SZ_POINTS_ERROR_BALANCE,      /* not enough points (or hours): the message gives the figures */
  SZ_POINTS_ERROR_STOCK,        /* not enough of a reward left: the message gives the figures */
  SZ_POINTS_ERROR_STATE,        /* not possible now (already reversed, publicity not over…) */
} SzPointsError;

GQuark sz_points_error_quark (void);

/* "12.5" (tenths of a point), "3.5" (minutes as hours); translated where
 * a unit follows: sz_points_format_with_unit() "12.5 分", "3.5 小时". */
char       *sz_points_format            (gint64        tenths);
char       *sz_hours_format             (int           minutes);
/* Parses what a clerk types ("2", "1.5", "0.5") into tenths / minutes;
 * FALSE for anything else (negative, more than one decimal, text). */
gboolean    sz_points_parse             (const char   *text,
                                         gint64       *tenths);
gboolean    sz_hours_parse              (const char   *text,
                                         int          *minutes);
/* With the unit, translated: "12.5 points" (zh "12.5 分"), "3.5 hours"
 * (zh "3.5 小时"). */
char       *sz_points_format_with_unit  (gint64        tenths);
char       *sz_hours_format_with_unit   (int           minutes);

/* ---- Activity types: data the office edits ----------------------------- */

typedef enum
{
  SZ_BASIS_PER_HOUR,            /* points per hour of service */
  SZ_BASIS_PER_OCCASION,        /* points per occasion, whatever its length */
} SzActivityBasis;

typedef struct
{
  gint64           id;
  gint64           community_id;
  char            *name;              /* "巡查走访", "志愿服务日", "矛盾调解", "政策宣传", "反映民情" */
  SzActivityBasis  basis;
  gint64           points_per_unit;   /* tenths per hour, or per occasion */
  /* PER_HOUR: the most minutes counted per person and occasion (120: at
   * most 2 hours counted); 0: no cap.  PER_OCCASION: the service time
   * recorded per occasion (hours still count for honours); 0: none. */
  int              minutes;
  /* Which heads it applies to: a bit (1 << SzLevel) per level; 0 for
   * anyone in the community's people (volunteers who hold no post). */
  guint            levels;
  gboolean         active;            /* retired types stay for old movements */
  int              position;          /* order in lists */
} SzActivityType;

SzActivityType *sz_activity_type_new    (void);
void            sz_activity_type_free   (SzActivityType *type);
/* Insert (id 0) or update.  A type in use keeps its id: changing its rate
 * changes nothing already earned. */
gboolean        sz_activity_type_save   (SzDb           *db,
                                         SzActivityType *type,
                                         GError        **error);
SzActivityType *sz_activity_type_get    (SzDb           *db,
                                         gint64          id,
                                         GError        **error);
/* In order; retired ones too when @with_retired. */
GPtrArray      *sz_activity_type_list   (SzDb           *db,
                                         gint64          community_id,
                                         gboolean        with_retired,
                                         GError        **error);
/* The defaults, in the user's language, for a community with none yet
 * (sz_community_save() of a new community and the migration call it). */
gboolean        sz_activity_type_seed   (SzDb           *db,
                                         gint64          community_id,
                                         GError        **error);

/* ---- Movements ------------------------------------------------------------ */

typedef enum
{
  SZ_MOVE_EARN,                 /* service: hours and points */
  SZ_MOVE_REDEEM,               /* a reward taken: points only */
  SZ_MOVE_EXPIRE,               /* by the expiry rule: points only */
  SZ_MOVE_CORRECT,              /* by hand, or reversing another movement */
} SzMoveKind;

typedef struct
{
  gint64      id;
  gint64      community_id;
  gint64      person_id;
  SzMoveKind  kind;
  char       *day;              /* when the service or the redemption was */
  gint64      entered_at;       /* when it was written */
  char       *actor;            /* who wrote it (sz_db actor) */
  int         minutes;          /* service time: + earned, − a reversal */
  gint64      points;           /* tenths: + earned, − redeemed/expired, ± corrected */
  gint64      activity_id;      /* the occasion it came from, or 0 */
  gint64      record_id;        /* the record it credits, or 0 */
  gint64      redemption_id;    /* the redemption, or 0 */
  gint64      reverses_id;      /* the movement it reverses, or 0 */
  gint64      reversed_by;      /* read only: the movement reversing this one, or 0 */
  char       *reason;           /* why: required for corrections and reversals */
  /* Read only, for statements. */
  char       *source;           /* "志愿服务日 2026-05-01", "记录 123", "兑换 米面油 ×1" */
  gint64      balance_after;    /* points after this movement */
  int         minutes_after;    /* hours after this movement */
} SzMovement;

void        sz_movement_free            (SzMovement   *movement);

/* One occasion of an activity (a clean-up day: 30 volunteers, 2 hours
 * each), entered once for all its participants. */
typedef struct
{
  gint64   id;
  gint64   community_id;
  gint64   type_id;
  char    *day;
  char    *title;               /* "五一小区大扫除"; "" for the type's name */
  char    *notes;
} SzActivity;

typedef struct
{
  gint64  person_id;
  int     minutes;              /* PER_HOUR: time served (capped by the type); PER_OCCASION: ignored */
} SzParticipant;

SzActivity *sz_activity_new             (void);
void        sz_activity_free            (SzActivity   *activity);
/* Saves @activity and one earn movement per participant, in one
 * transaction: points from the type's rate, minutes capped by the type.
 * Refused whole, naming the person, for someone twice, of another
 * community, of a level the type does not apply to, or a retired type. */
gboolean    sz_activity_record          (SzDb                *db,
                                         SzActivity          *activity,
                                         const SzParticipant *participants,
                                         guint                n_participants,
                                         GError             **error);
SzActivity *sz_activity_get             (SzDb         *db,
                                         gint64        id,
                                         GError      **error);
/* The community's occasions, newest first (added to the lead's API). */
GPtrArray  *sz_activity_list            (SzDb         *db,
                                         gint64        community_id,
                                         GError      **error);
/* The earn movements of one occasion. */
GPtrArray  *sz_activity_movements       (SzDb         *db,
                                         gint64        activity_id,
                                         GError      **error);

/* A correction by hand: @minutes and @points may be negative; @reason
 * is required.  Refused when it would take hours or points below zero. */
gboolean    sz_points_correct           (SzDb         *db,
                                         gint64        person_id,
                                         const char   *day,
                                         int           minutes,
                                         gint64        points,
                                         const char   *reason,
                                         gint64       *movement_id,
                                         GError      **error);
/* Writes the movement that undoes @movement_id (a redemption's reversal
 * also returns the reward's stock), with @reason.  Refused for a movement
 * already reversed, for a reversal itself, and when the points it gave
 * have been spent (the message gives the figures).  The reversal carries
 * the day of the movement it reverses, so that periods (honours) and
 * expiry count it where the original was; entered_at says when. */
gboolean    sz_points_reverse           (SzDb         *db,
                                         gint64        movement_id,
                                         const char   *reason,
                                         gint64       *reversal_id,
                                         GError      **error);
SzMovement *sz_movement_get             (SzDb         *db,
                                         gint64        id,
                                         GError      **error);

/* ---- Balances and statements ---------------------------------------------- */

typedef struct
{
  gint64   person_id;
  char    *name;
  int      level;                /* the highest current post's SzLevel, or -1: no post */
  char    *post;                 /* "丰和林苑 2栋 1单元 单元长", or "" */
  gint64   grid_id;              /* of that post, or 0 */
  int      minutes;              /* service hours, all time */
  gint64   earned;               /* tenths, all time (corrections of earnings included) */
  gint64   redeemed;
  gint64   expired;
  gint64   balance;
} SzPointsBalance;

void        sz_points_balance_free      (SzPointsBalance *balance);

typedef struct
{
  gint64       community_id;
  const char  *search;          /* name, pinyin, initials or phone digits, as the people page; NULL */
  gint64       grid_id;         /* 0: all */
  int          level;           /* -1: all; SZ_N_LEVELS: people without a post */
  gboolean     with_zero;       /* also people who never had a movement */
} SzPointsFilter;

void        sz_points_filter_init       (SzPointsFilter *filter,
                                         gint64          community_id);
/* In pinyin order of the name (homophones by the name's characters, then
 * by id).  The community's whole list is kept with the connection until
 * the data changes (like the search index), so filtering it again is
 * quick. */
GPtrArray  *sz_points_balances          (SzDb                 *db,
                                         const SzPointsFilter *filter,
                                         GError              **error);
SzPointsBalance *sz_points_balance_get  (SzDb         *db,
                                         gint64        person_id,
                                         GError      **error);
/* A person's movements, oldest first, with the running balance. */
GPtrArray  *sz_points_statement         (SzDb         *db,
                                         gint64        person_id,
                                         GError      **error);

/* ---- Points from records ---------------------------------------------- */

/* A resolved record brought in by a head, not yet credited: proposed to
 * staff, never credited by itself. */
typedef struct
{
  gint64  record_id;
  gint64  person_id;
  char   *name;
  char   *summary;              /* the record's number, category and place */
  char   *resolved_day;
} SzRecordCredit;

void        sz_record_credit_free       (SzRecordCredit *credit);
GPtrArray  *sz_points_record_credits    (SzDb         *db,
                                         gint64        community_id,
                                         GError      **error);
/* Credits @record_id's head with one occasion of @type_id.  Refused when
 * already credited (and not reversed). */
gboolean    sz_points_credit_record     (SzDb         *db,
                                         gint64        record_id,
                                         gint64        type_id,
                                         gint64       *movement_id,
                                         GError      **error);

/* ---- Expiry ------------------------------------------------------------- */

/* Points earned in year Y expire at the end of year Y + @years (2: the
 * end of the second calendar year after).  0: never (the default).
 * Hours never expire.  Points are spent oldest first. */
int         sz_points_get_expiry_years  (SzDb         *db,
                                         gint64        community_id,
                                         GError      **error);
gboolean    sz_points_set_expiry_years  (SzDb         *db,
                                         gint64        community_id,
                                         int           years,
                                         GError      **error);

typedef struct
{
  gint64  person_id;
  char   *name;
  gint64  points;               /* tenths that expire */
  char   *earned_before;        /* "2024-12-31": earned up to then */
} SzExpiryItem;

void        sz_expiry_item_free         (SzExpiryItem *item);
/* What sz_points_expire() would write as of @day. */
GPtrArray  *sz_points_expiry_preview    (SzDb         *db,
                                         gint64        community_id,
                                         const char   *day,
                                         GError      **error);
/* Writes exactly the preview's movements, in one transaction. */
gboolean    sz_points_expire            (SzDb         *db,
                                         gint64        community_id,
                                         const char   *day,
                                         guint        *n_written,
                                         GError      **error);

/* ---- Rewards ------------------------------------------------------------ */

typedef struct
{
  gint64    id;
  gint64    community_id;
  char     *name;               /* "理发服务", "米面油礼包" */
  char     *description;
  gint64    price;              /* tenths of a point, > 0 */
  int       stock;              /* what is left; -1: no limit (a service) */
  gboolean  active;
} SzReward;

SzReward   *sz_reward_new               (void);
void        sz_reward_free              (SzReward     *reward);
gboolean    sz_reward_save              (SzDb         *db,
                                         SzReward     *reward,
                                         GError      **error);
SzReward   *sz_reward_get               (SzDb         *db,
                                         gint64        id,
                                         GError      **error);
GPtrArray  *sz_reward_list              (SzDb         *db,
                                         gint64        community_id,
                                         gboolean      with_retired,
                                         GError      **error);
/* Takes @quantity × the price from @person_id's points and @quantity from
 * the stock, in one step.  Refused with the figures ("张三 has 12.0
 * points; 2 × 米面油礼包 cost 30.0.", "2 wanted, 1 left"). */
gboolean    sz_reward_redeem            (SzDb         *db,
                                         gint64        person_id,
                                         gint64        reward_id,
                                         int           quantity,
                                         const char   *day,
                                         gint64       *movement_id,
                                         GError      **error);

/* ---- Honours --------------------------------------------------------------- */

typedef struct
{
  gint64       community_id;
  const char  *period;          /* "2026" or "2026-Q3" */
  int          level;           /* -1: any; else only current heads of that level */
  int          min_minutes;     /* thresholds the office sets; 0: none */
  gint64       min_points;      /* points earned in the period, tenths */
  guint        min_records;     /* records brought in, received in the period */
  /* Added to the lead's API: at most this many entries, the first ranks
   * (the page shows the top; 150,000 people make a long list); 0: all. */
  guint        limit;
} SzShortlistFilter;

typedef struct
{
  guint    rank;
  gint64   person_id;
  char    *name;
  int      level;               /* as SzPointsBalance */
  char    *post;
  int      minutes;             /* in the period */
  gint64   earned;              /* in the period, tenths */
  guint    records;             /* brought in, in the period */
  gboolean has_photo;
} SzShortlistEntry;

void        sz_shortlist_entry_free     (SzShortlistEntry *entry);
/* Ranked by hours, then points earned, then records brought in, then
 * pinyin; equal figures share a rank (1, 1, 3), counted within the
 * filtered list.  Everyone with hours, points or records in the period
 * that passes the filter.  A period that is not "YYYY" or "YYYY-Qn" is
 * refused. */
GPtrArray  *sz_honours_shortlist        (SzDb                    *db,
                                         const SzShortlistFilter *filter,
                                         GError                 **error);

typedef enum
{
  SZ_HONOUR_PUBLICITY,          /* 公示中: posted, not final yet */
  SZ_HONOUR_FINAL,              /* awarded: has a certificate number */
  SZ_HONOUR_WITHDRAWN,          /* withdrawn during publicity (reason kept) */
} SzHonourStatus;

typedef struct
{
  gint64          id;
  gint64          community_id;
  gint64          person_id;
  char           *period;
  char           *title;        /* "最美单元长", "社区好人", or the office's own */
  char           *reason;       /* 事迹: printed on the certificate */
  SzHonourStatus  status;
  char           *publicity_from;   /* first day posted */
  char           *publicity_until;  /* last day of publicity (≥ 7 days by default) */
  char           *awarded_on;       /* FINAL: the day */
  char           *certificate_no;   /* FINAL: from the register, "丰和〔2026〕第 3 号" as printed */
  int             certificate_year; /* FINAL: the register's year and number */
  int             certificate_seq;
  char           *withdrawn_reason;
  /* Read only. */
  char           *name;
  char           *post;
  int             level;
} SzHonour;

#define SZ_HONOUR_MIN_PUBLICITY_DAYS 7

SzHonour   *sz_honour_new               (void);
void        sz_honour_free              (SzHonour     *honour);
/* The usual titles, translated: 最美网格长, 最美楼栋长, 最美单元长, 社区好人. */
const char * const *sz_honour_titles    (void);
/* Starts the publicity of @honour (person, period, title, reason,
 * publicity_from; publicity_until = from + @days - 1, @days ≥ 1, the
 * default SZ_HONOUR_MIN_PUBLICITY_DAYS).  The same person, period and
 * title twice is refused. */
gboolean    sz_honour_propose           (SzDb         *db,
                                         SzHonour     *honour,
                                         int           days,
                                         GError      **error);
/* Makes it final on @day, which must be after publicity_until; gives it
 * the register's next certificate number for @day's year. */
gboolean    sz_honour_award             (SzDb         *db,
                                         gint64        id,
                                         const char   *day,
                                         GError      **error);
gboolean    sz_honour_withdraw          (SzDb         *db,
                                         gint64        id,
                                         const char   *reason,
                                         GError      **error);
/* The number as printed: the community's name without a trailing
 * 社区, the year, the number: "丰和〔2026〕第 3 号" (added to the lead's
 * API; sz_honour_award() stores it in certificate_no). */
char       *sz_honour_certificate_number (const char  *community_name,
                                          int          year,
                                          int          seq);
SzHonour   *sz_honour_get               (SzDb         *db,
                                         gint64        id,
                                         GError      **error);
/* @period NULL: all; newest period first, then title, then pinyin. */
GPtrArray  *sz_honour_list              (SzDb         *db,
                                         gint64        community_id,
                                         const char   *period,
                                         GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SzActivityType, sz_activity_type_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SzMovement, sz_movement_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SzActivity, sz_activity_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SzPointsBalance, sz_points_balance_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SzRecordCredit, sz_record_credit_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SzExpiryItem, sz_expiry_item_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SzReward, sz_reward_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SzShortlistEntry, sz_shortlist_entry_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SzHonour, sz_honour_free)

G_END_DECLS
