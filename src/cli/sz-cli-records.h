/* sz-cli-records.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sz-cli.h"
#include "sz-record.h"

G_BEGIN_DECLS

/* What the files of "sanzhang-cli records" share (sz-cli-records.c). */

typedef enum
{
  NAMES_CHANNEL,
  NAMES_STATUS,
  NAMES_CLASS,
  NAMES_DUTY,
  NAMES_SATISFACTION,
  NAMES_ACTION,
} RecordsNames;

/* Prints "Error: …" and where to look; returns EXIT_USAGE. */
int               records_usage_error   (const char           *command,
                                         const char           *format,
                                         ...) G_GNUC_PRINTF (2, 3);
/* Prints @error; EXIT_USAGE for a field the user got wrong, else EXIT_ERROR. */
int               records_fail          (const GError         *error);
char             *records_id_text       (gint64                id);
/* A positive number, as typed. */
gboolean          records_parse_id      (const char           *text,
                                         gint64               *id);
/* "wechat, visit, phone, …": the values an option takes. */
char             *records_valid_names   (RecordsNames          set);
/* The message for an option whose value is not one of @set's. */
int               records_bad_value     (const char           *command,
                                         const char           *option,
                                         const char           *value,
                                         RecordsNames          set);

/* Tables: rows of strings, the first the header, printed in columns. */
GPtrArray        *records_table_new     (void);
void              records_table_add     (GPtrArray            *table,
                                         const char           *first,
                                         ...) G_GNUC_NULL_TERMINATED;
/* @align: one 'l' or 'r' per column. */
void              records_print_table   (GPtrArray            *table,
                                         const char           *align);

/* The functions below print why when they fail. */
gboolean          records_open_community (SzDb               **db,
                                         SzCommunity         **community);
/* The id of the grid numbered @text, -1 for "none"; 0 and *@status set on failure. */
gint64            records_find_grid     (SzDb                 *db,
                                         SzCommunity          *community,
                                         const char           *command,
                                         const char           *option,
                                         const char           *text,
                                         int                  *status);
SzRecordCategory *records_find_category (SzDb                 *db,
                                         const char           *option,
                                         const char           *name,
                                         int                  *status);
/* @text NULL gives 0 (now). */
gboolean          records_parse_time    (const char           *text,
                                         const char           *option,
                                         gint64               *t,
                                         int                  *status);

/* "report, dispatch, …" as typed, or why there is nothing. */
char             *records_actions_now   (const SzRecordState  *state);
/* "State: …", and the resolution and satisfaction if any. */
void              records_print_state   (const SzRecordState  *state);

/* The subcommands in sz-cli-records-edit.c. */
int               records_add           (int                   argc,
                                         char                **argv);
int               records_act           (int                   argc,
                                         char                **argv);
int               records_categories    (int                   argc,
                                         char                **argv);
int               records_places        (int                   argc,
                                         char                **argv);
/* The subcommands in sz-cli-records-stats.c. */
int               records_stats         (int                   argc,
                                         char                **argv);
int               records_report        (int                   argc,
                                         char                **argv);

G_END_DECLS
