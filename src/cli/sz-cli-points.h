/* sz-cli-points.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sz-cli-records.h"
#include "sz-points.h"

G_BEGIN_DECLS

/* What the files of "sanzhang-cli points", "rewards" and "honours" share
 * (sz-cli-points.c).  They use the records commands' helpers for usage
 * errors and tables (sz-cli-records.h). */

/* Prints @error; EXIT_USAGE for a field the user got wrong, else
 * EXIT_ERROR.  The core's refusals carry their figures: printed as they
 * come. */
int         points_fail             (const GError   *error);

/* Whether @error says that what was asked for does not exist. */
gboolean    points_not_found        (const GError   *error);
/* Today in Asia/Shanghai, "YYYY-MM-DD". */
char       *points_today            (void);
/* @text as a day "YYYY-MM-DD" (NULL: today); NULL after printing why. */
char       *points_parse_day        (const char     *command,
                                     const char     *option,
                                     const char     *text,
                                     int            *status);
/* "2", "1.5"; with @signed_ok also "-2", "+1.5".  FALSE after printing
 * why, naming @option and the value. */
gboolean    points_parse_hours      (const char     *command,
                                     const char     *option,
                                     const char     *text,
                                     gboolean        signed_ok,
                                     int            *minutes,
                                     int            *status);
gboolean    points_parse_points     (const char     *command,
                                     const char     *option,
                                     const char     *text,
                                     gboolean        signed_ok,
                                     gint64         *tenths,
                                     int            *status);
/* "+1.5", "−2.0", "0": for movements. */
char       *points_signed_points    (gint64          tenths);
char       *points_signed_hours     (int             minutes);

/* People as a clerk types them: "id:N", or a name unique in the
 * community.  0 and *@problem (the option not named: the caller says
 * where) when there is nobody, or several: then the candidates with
 * their posts and ids, one a line.  @people caches the community's
 * people between calls (NULL the first time). */
gint64      points_resolve_person   (SzDb           *db,
                                     SzCommunity    *community,
                                     GPtrArray     **people,
                                     const char     *text,
                                     char          **problem,
                                     GError        **error);
/* The same, printing why ("Error: PERSON “…”: …"); 0 on failure. */
gint64      points_find_person      (SzDb           *db,
                                     SzCommunity    *community,
                                     const char     *option,
                                     const char     *text,
                                     int            *status);
/* An activity type, or a reward, by name or by number (retired ones
 * too); NULL after listing the names there are. */
SzActivityType *points_find_type    (SzDb           *db,
                                     SzCommunity    *community,
                                     const char     *option,
                                     const char     *text,
                                     int            *status);
SzReward   *points_find_reward      (SzDb           *db,
                                     SzCommunity    *community,
                                     const char     *option,
                                     const char     *text,
                                     int            *status);
/* A level: grid, building or unit; "none" (people without a post) when
 * @none_ok.  -1 after printing why. */
int         points_parse_level      (const char     *command,
                                     const char     *option,
                                     const char     *text,
                                     gboolean        none_ok,
                                     int            *status);
/* "Unit head", or "" for -1 / SZ_N_LEVELS. */
const char *points_level_title      (int             level);
/* "2 points per hour, at most 2 hours counted", for lists and messages. */
char       *points_type_rule        (const SzActivityType *type);
/* records_open_community(), then the actor of the changes when @actor
 * is not NULL (--actor). */
gboolean    points_open             (SzDb          **db,
                                     SzCommunity   **community,
                                     const char     *actor);
/* For the subcommands that change one thing named by their argument
 * (@what: "TYPE", "REWARD"): parses the options, wants the argument,
 * opens the community.  FALSE and *@status after printing why. */
gboolean    points_begin_change     (const char     *command,
                                     const char     *what,
                                     const char     *summary,
                                     const GOptionEntry *entries,
                                     const char     *actor,
                                     int            *argc,
                                     char         ***argv,
                                     SzDb          **db,
                                     SzCommunity   **community,
                                     int            *status);
/* Writes a file that holds personal data readable by its owner only
 * (mode 0600, from its first byte): runs with the umask 077. */
void        points_private_files    (void);

/* Runs the subcommand of @commands named by the command word; @usage
 * for --help or a word that is none of them; @fallback (or @usage) when
 * there is no word. */
int         points_dispatch         (const char     *command,
                                     const Command  *commands,
                                     guint           n_commands,
                                     void          (*usage) (FILE *out),
                                     int           (*fallback) (int argc, char **argv),
                                     int             argc,
                                     char          **argv);

/* The subcommands of "points", in sz-cli-points-*.c. */
int         points_earn             (int argc, char **argv);
int         points_activity         (int argc, char **argv);
int         points_redeem           (int argc, char **argv);
int         points_correct          (int argc, char **argv);
int         points_reverse          (int argc, char **argv);
int         points_expire           (int argc, char **argv);
int         points_credits          (int argc, char **argv);
int         points_types            (int argc, char **argv);

/* sz-cli-honours.c: "2026" or "2026-Q3"; FALSE after printing why. */
gboolean    honours_check_period    (const char     *command,
                                     const char     *option,
                                     const char     *text,
                                     int            *status);
/* The honour numbered @text in @community; NULL after printing why. */
SzHonour   *honours_find            (SzDb           *db,
                                     SzCommunity    *community,
                                     const char     *text,
                                     int            *status);
/* The subcommands of "honours" that write PDFs, in sz-cli-honours-print.c. */
int         honours_certificate     (int argc, char **argv);
int         honours_board           (int argc, char **argv);
int         honours_notice          (int argc, char **argv);

G_END_DECLS
