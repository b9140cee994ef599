/* sz-cli.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

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
SzDb        *open_database      (SzDbOpenFlags        flags);
/* The community of --community, else the first; NULL after printing why. */
SzCommunity *find_community     (SzDb                *db);

int          cmd_boards         (int                  argc,
                                 char               **argv);
int          cmd_community      (int                  argc,
                                 char               **argv);
int          cmd_records        (int                  argc,
                                 char               **argv);

G_END_DECLS
