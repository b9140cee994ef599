/* sz-import.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sz-core-types.h"
#include "sz-table.h"

G_BEGIN_DECLS

/* The import of a roster of heads, one row a head, from any SzTable
 * (CSV/TXT, .xlsx, .xls).  One pipeline for the app's preview, the CLI's
 * --dry-run and the import itself:
 *
 *   sz_import_new()      finds the header row and maps its columns;
 *   sz_import_set_*()    the user's choices: a column mapped by hand,
 *                        whether new places and handovers are allowed;
 *   sz_import_plan()     checks every row and works out what would change,
 *                        writing nothing (a transaction rolled back);
 *   sz_import_apply()    does exactly that, in one transaction, or nothing.
 */

#define SZ_IMPORT_ERROR (sz_import_error_quark ())

typedef enum
{
  SZ_IMPORT_ERROR_COLUMNS,  /* a column the import needs is missing */
  SZ_IMPORT_ERROR_ROWS,     /* one or more rows are wrong: the message lists them */
} SzImportError;

/* What a column can mean. */
typedef enum
{
  SZ_IMPORT_FIELD_GRID,
  SZ_IMPORT_FIELD_GRID_NAME,
  SZ_IMPORT_FIELD_COMPOUND,
  SZ_IMPORT_FIELD_BUILDING,
  SZ_IMPORT_FIELD_UNIT,
  SZ_IMPORT_FIELD_POST,
  SZ_IMPORT_FIELD_NAME,
  SZ_IMPORT_FIELD_PHONE,
  SZ_IMPORT_FIELD_PHONE2,
  SZ_IMPORT_FIELD_GENDER,
  SZ_IMPORT_FIELD_PARTY,
  SZ_IMPORT_FIELD_BACKGROUND,
  SZ_IMPORT_FIELD_CONSENT,
  SZ_IMPORT_FIELD_CONSENT_DATE,
  SZ_IMPORT_FIELD_START,
  SZ_IMPORT_FIELD_CHOSEN,
  SZ_IMPORT_FIELD_HOUSEHOLDS,
  SZ_IMPORT_FIELD_NOTES,
  SZ_IMPORT_N_FIELDS
} SzImportField;

/* The user's permissions: without them, rows that need a place that does
 * not exist yet, or that would end a current head's term, are refused
 * with a message that says so. */
typedef enum
{
  SZ_IMPORT_CREATE_PLACES = 1 << 0,
  SZ_IMPORT_REPLACE_HEADS = 1 << 1,
} SzImportFlags;

typedef enum
{
  SZ_IMPORT_PROBLEM_ERROR,    /* the row, or the file, cannot be imported as it is */
  SZ_IMPORT_PROBLEM_WARNING,  /* imported as it is, but look at it */
  SZ_IMPORT_PROBLEM_FIXED,    /* imported after a fix the user should see */
} SzImportSeverity;

typedef struct
{
  SzImportSeverity  severity;
  int               row;      /* data row; -1: the file as a whole */
  guint             line;     /* the spreadsheet's row number; 0: none */
  int               column;   /* the table's column; -1: none */
  char             *header;   /* that column's header as the file has it, or NULL */
  char             *message;  /* what is wrong and what to do */
  char             *text;     /* the whole line: “Row 5, column H (电话): …” */
} SzImportProblem;

typedef enum
{
  SZ_IMPORT_CHANGE_PERSON_NEW,      /* a person added */
  SZ_IMPORT_CHANGE_PERSON_MATCHED,  /* a row's person is already on the roster (same name and phone) */
  SZ_IMPORT_CHANGE_POST_FILLED,     /* a vacant post gets its head */
  SZ_IMPORT_CHANGE_HANDOVER,        /* a post's head is replaced: old_name's term ends */
  SZ_IMPORT_CHANGE_UNCHANGED,       /* already the head there */
  SZ_IMPORT_CHANGE_PLACE_NEW,       /* a grid, compound, building or unit that does not exist yet */
} SzImportChangeKind;

typedef struct
{
  SzImportChangeKind  kind;
  int                 row;
  guint               line;
  char               *place;      /* “丰和林苑 2栋 1单元” (posts, places) */
  char               *post;       /* “单元长” (posts) */
  char               *name;       /* the person (people, posts) */
  char               *old_name;   /* handover: the head whose term ends */
} SzImportChange;

/* What an import did (or, planned, would do). */
typedef struct
{
  guint rows;               /* data rows read (blank rows not counted) */
  guint rows_skipped;       /* a repeat of the header inside the data */
  guint grids_created;
  guint compounds_created;
  guint buildings_created;
  guint units_created;
  guint people_created;
  guint people_found;       /* already in the database: same name and phone */
  guint heads_appointed;    /* to a vacant post */
  guint heads_replaced;     /* another head's term ended */
  guint heads_unchanged;    /* already the head there */
  guint consents_dated;     /* consent “yes” with no date: recorded with the import's date */
  guint names_fixed;        /* names changed by sz_name_normalize(), with a notice */
  guint errors;             /* problems that stop the import */
  guint warnings;
} SzImportReport;

/* The most problems one error message lists: enough to fix a spreadsheet
 * in one pass, few enough to read.  The app lists them all. */
#define SZ_IMPORT_MAX_ROW_ERRORS 30

typedef struct _SzImport SzImport;

GQuark              sz_import_error_quark  (void);

/* The field's label as the preview shows it (“网格”, “姓名”), translated,
 * and whether the import cannot do without it. */
const char         *sz_import_field_title  (SzImportField     field);
gboolean            sz_import_field_required (SzImportField   field);

/* Takes @table.  Finds the header among the table's first rows (a title
 * row above it is common) and maps each column whose header names a
 * field. */
SzImport           *sz_import_new          (SzDb             *db,
                                            gint64            community_id,
                                            SzTable          *table);
void                sz_import_free         (SzImport         *import);
SzTable            *sz_import_get_table    (SzImport         *import);

/* The column a field is read from (-1: none), and the field a column is
 * read as (-1: ignored).  Setting maps a column by hand: the column's
 * earlier field and the field's earlier column are unmapped; -1 unmaps. */
int                 sz_import_get_column   (SzImport         *import,
                                            SzImportField     field);
int                 sz_import_get_field    (SzImport         *import,
                                            guint             column);
void                sz_import_set_column   (SzImport         *import,
                                            SzImportField     field,
                                            int               column);
/* Whether the field's column was found by its header (FALSE: by hand). */
gboolean            sz_import_column_is_auto (SzImport       *import,
                                            SzImportField     field);

void                sz_import_set_flags    (SzImport         *import,
                                            SzImportFlags     flags);
SzImportFlags       sz_import_get_flags    (SzImport         *import);
/* Where consent without a date comes from: recorded as “imported from
 * <source> on <date>”.  Default: the table's file name.  @today
 * ("YYYY-MM-DD"; NULL: the local date) is the import's date. */
void                sz_import_set_today    (SzImport         *import,
                                            const char       *today);

/* Checks every row and works out what would change; nothing is written.
 * FALSE only when the database fails; what is wrong with the file is in
 * the problems. */
gboolean            sz_import_plan         (SzImport         *import,
                                            GError          **error);
/* After plan or apply: in row order, file-wide problems first.  Of
 * SzImportProblem and SzImportChange. */
GPtrArray          *sz_import_get_problems (SzImport         *import);
GPtrArray          *sz_import_get_changes  (SzImport         *import);
const SzImportReport *sz_import_get_report (SzImport         *import);
/* What the flags would allow (counted whether or not they are set): with
 * SZ_IMPORT_CREATE_PLACES the places that do not exist yet (grids,
 * compounds, buildings, units), with SZ_IMPORT_REPLACE_HEADS the posts
 * whose head would be replaced. */
guint               sz_import_count_needing (SzImport        *import,
                                            SzImportFlags     flag);

/* Plans again and, if nothing stops it, writes it all in one transaction.
 * On any problem nothing is written: SZ_IMPORT_ERROR_COLUMNS or _ROWS with
 * the problems listed (SZ_IMPORT_MAX_ROW_ERRORS of them). */
gboolean            sz_import_apply        (SzImport         *import,
                                            GError          **error);

/* All of it at once, for the CLI and tests: plan, and unless @dry_run or a
 * problem, apply.  @table is not taken.  With problems, the error lists
 * them. */
gboolean            sz_import_roster       (SzDb             *db,
                                            gint64            community_id,
                                            SzTable          *table,
                                            SzImportFlags     flags,
                                            gboolean          dry_run,
                                            SzImportReport   *report,
                                            GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SzImport, sz_import_free)

G_END_DECLS
