/* sz-cli.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include <stdio.h>

#include "sz-db.h"
#include "sz-roster.h"

G_BEGIN_DECLS

/* What sanzhang-cli's commands share (sanzhang-cli.c). */

enum
{
  EXIT_OK = 0,
  EXIT_ERROR = 1,
  EXIT_USAGE = 2,
};

void         print_error        (const GError        *error);

/* A command (or a subcommand of one) and what runs it. */
typedef struct
{
  const char  *name;
  const char  *summary;     /* N_() */
  int        (*run) (int argc, char **argv);
} Command;

/* The index of the command word: the first argument that is not an option
 * or the value of --database/--community (which may come before it), or
 * -1.  *@early_option gets --help, -h or --version when one comes before
 * the word, else NULL. */
int          find_command_word  (int                  argc,
                                 char               **argv,
                                 const char         **early_option);
/* Runs @command with the arguments but the command word at @word. */
int          run_command        (const Command       *command,
                                 int                  argc,
                                 char               **argv,
                                 int                  word);
/* "  name       summary" for each, translated. */
void         print_commands     (FILE                *out,
                                 const Command       *commands,
                                 guint                n_commands);
/* Parses a command's options; prints usage and returns FALSE on a mistake. */
gboolean     parse_options      (const char          *command,
                                 const char          *parameters,
                                 const char          *summary,
                                 const GOptionEntry  *entries,
                                 int                 *argc,
                                 char              ***argv);
gboolean     too_many_arguments (const char          *command,
                                 int                  argc,
                                 char               **argv,
                                 int                  allowed);
/* --database, else the default path. */
char        *cli_database_path  (void);
SzDb        *open_database      (SzDbOpenFlags        flags);
/* The community of --community, else the first; NULL after printing why. */
SzCommunity *find_community     (SzDb                *db);

/* sz-cli-backup.c: after a damaged database's message, its newest good
 * backup and the command that restores it. */
void         print_backup_hint  (void);
int          cmd_backup         (int                  argc,
                                 char               **argv);
int          cmd_backups        (int                  argc,
                                 char               **argv);
/* sz-cli-server.c */
int          cmd_server         (int                  argc,
                                 char               **argv);
int          cmd_copy           (int                  argc,
                                 char               **argv);
int          cmd_boards         (int                  argc,
                                 char               **argv);
int          cmd_community      (int                  argc,
                                 char               **argv);
int          cmd_import         (int                  argc,
                                 char               **argv);
int          cmd_records        (int                  argc,
                                 char               **argv);
int          cmd_restore        (int                  argc,
                                 char               **argv);
int          cmd_export         (int                  argc,
                                 char               **argv);
/* sz-cli-points.c, sz-cli-rewards.c, sz-cli-honours.c */
int          cmd_points         (int                  argc,
                                 char               **argv);
int          cmd_rewards        (int                  argc,
                                 char               **argv);
int          cmd_honours        (int                  argc,
                                 char               **argv);

G_END_DECLS
