/* sz-import.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sz-core-types.h"
#include "sz-csv.h"

G_BEGIN_DECLS

#define SZ_IMPORT_ERROR (sz_import_error_quark ())

typedef enum
{
  SZ_IMPORT_ERROR_COLUMNS,  /* a column the import needs is missing */
  SZ_IMPORT_ERROR_ROWS,     /* one or more rows are wrong: the message lists them */
} SzImportError;

/* What an import did (or, dry, would do). */
typedef struct
{
  guint rows;
  guint grids_created;
  guint compounds_created;
  guint buildings_created;
  guint units_created;
  guint people_created;
  guint people_found;       /* already in the database: same name and phone */
  guint heads_appointed;    /* to a vacant post */
  guint heads_replaced;     /* another head's term ended */
  guint heads_unchanged;    /* already the head there */
} SzImportReport;

/* The most row errors one message lists: enough to fix a spreadsheet in
 * one pass, few enough to read. */
#define SZ_IMPORT_MAX_ROW_ERRORS 30

GQuark   sz_import_error_quark (void);

/* Imports a roster of heads, one row a head: grid, compound, building,
 * unit, post, name, phone, … (the columns may come in any order, with
 * Chinese or English headers; see sz-import.c).  Missing places are
 * created.  All rows or none: on any wrong row nothing is written, and the
 * error lists every wrong row with its line, column and value.  With
 * @dry_run, everything is checked and counted, and nothing is kept. */
gboolean sz_import_roster      (SzDb            *db,
                                gint64           community_id,
                                SzCsv           *csv,
                                gboolean         dry_run,
                                SzImportReport  *report,
                                GError         **error);

G_END_DECLS
