/* sz-export-table.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sz-core-types.h"

G_BEGIN_DECLS

/* Data going out: the mirror of the import.  What is exported becomes an
 * SzExport — one or more tables of text cells (the sheets), with what the
 * file will hold — and one writer puts it in a file: .xlsx through
 * libxlsxwriter, or CSV.
 *
 * - Phones are masked (138****1234) unless SZ_EXPORT_FULL_PHONES is given;
 *   reporters of issue records are left out unless
 *   SZ_EXPORT_WITH_REPORTERS is given.  A file with people's names or full
 *   phones is created 0600 (a temporary 0600 file renamed into place) and
 *   its summary says it holds personal data.
 * - Formula injection (OWASP): in CSV, a cell starting with = + - @ tab or
 *   CR gets a leading apostrophe and quotes; in .xlsx every cell is written
 *   as a string (never a formula) with Excel's quote prefix on such cells,
 *   so the text stays exactly what it was.
 * - .xlsx: every column is text (“@”), so phones and numbers such as a
 *   grid's keep their digits, except counts (户数), which are numbers; a
 *   bold, frozen header row with a filter; widths from the contents.
 * - CSV: UTF-8 with a BOM (what Excel on Chinese Windows reads) or, on
 *   request, GBK or GB18030; RFC 4180 quoting, CRLF.  CSV holds one table:
 *   the first. */

#define SZ_EXPORT_ERROR (sz_export_error_quark ())

typedef enum
{
  SZ_EXPORT_ERROR_FAILED,
  SZ_EXPORT_ERROR_ENCODING,   /* a cell the chosen encoding cannot hold: the message names it */
  SZ_EXPORT_ERROR_FULL,       /* the disk is full */
  SZ_EXPORT_ERROR_FORMAT,     /* a file name or encoding we do not write */
} SzExportError;

typedef enum
{
  SZ_EXPORT_XLSX,
  SZ_EXPORT_CSV,
} SzExportFormat;

typedef enum
{
  SZ_EXPORT_DEFAULT        = 0,
  SZ_EXPORT_FULL_PHONES    = 1 << 0,  /* phones in full: the file holds personal data */
  SZ_EXPORT_WITH_REPORTERS = 1 << 1,  /* records: the reporters' names and phones */
} SzExportFlags;

typedef enum
{
  SZ_EXPORT_COLUMN_TEXT,       /* always a text cell */
  SZ_EXPORT_COLUMN_NUMBER,     /* a number cell when the value is a whole number */
  SZ_EXPORT_COLUMN_LONG_TEXT,  /* text that wraps (descriptions, histories) */
} SzExportColumnKind;

typedef struct _SzExportTable SzExportTable;
typedef struct _SzExport SzExport;

GQuark          sz_export_error_quark        (void);

/* ---- Tables --------------------------------------------------------------- */

/* @name: the sheet's name (31 characters at most). */
SzExportTable  *sz_export_table_new          (const char          *name);
void            sz_export_table_free         (SzExportTable       *table);
guint           sz_export_table_add_column   (SzExportTable       *table,
                                              const char          *header,
                                              SzExportColumnKind   kind);
/* Starts a row; its cells are empty until set. */
void            sz_export_table_add_row      (SzExportTable       *table);
/* Sets a cell of the last row; NULL is empty. */
void            sz_export_table_set          (SzExportTable       *table,
                                              guint                column,
                                              const char          *text);
void            sz_export_table_take         (SzExportTable       *table,
                                              guint                column,
                                              char                *text);
const char     *sz_export_table_get_name     (SzExportTable       *table);
guint           sz_export_table_get_n_columns (SzExportTable      *table);
const char     *sz_export_table_get_header   (SzExportTable       *table,
                                              guint                column);
SzExportColumnKind sz_export_table_get_kind  (SzExportTable       *table,
                                              guint                column);
guint           sz_export_table_get_n_rows   (SzExportTable       *table);
/* "" for an empty cell. */
const char     *sz_export_table_get          (SzExportTable       *table,
                                              guint                row,
                                              guint                column);

/* ---- An export: its tables and what it holds --------------------------------- */

SzExport       *sz_export_new                (const char          *title);
void            sz_export_free               (SzExport            *export);
/* Takes @table. */
void            sz_export_add_table          (SzExport            *export,
                                              SzExportTable       *table);
guint           sz_export_get_n_tables       (SzExport            *export);
SzExportTable  *sz_export_get_table          (SzExport            *export,
                                              guint                index);
/* "the roster": what the summary calls it. */
const char     *sz_export_get_title          (SzExport            *export);
/* What the file holds that is personal: names (of heads or reporters),
 * full phones.  Either makes the file 0600. */
void            sz_export_set_personal       (SzExport            *export,
                                              gboolean             names,
                                              gboolean             full_phones);
gboolean        sz_export_is_personal        (SzExport            *export);
gboolean        sz_export_has_full_phones    (SzExport            *export);

/* ---- What the core exports (sz-export-data.c) -------------------------------- */

/* The community's heads, one row per current post, with the import's
 * column names (网格, 网格名称, 小区, 楼栋, 单元, 职务, 姓名, 电话, 备用电话,
 * 性别, 党员, 身份, 同意公示电话, 同意日期, 任职日期, 产生方式, 户数, 备注)
 * and values it reads (是/否, 男/女, 网格长 …), so the file imports back
 * into the same roster (with full phones: a masked one is refused).  A
 * second sheet (.xlsx only) lists the vacant posts. */
SzExport       *sz_export_roster             (SzDb                *db,
                                              gint64               community_id,
                                              SzExportFlags        flags,
                                              GError             **error);
/* The community's hotlines and those of its compounds and buildings.
 * Service numbers are public (boards print them): never masked. */
SzExport       *sz_export_hotlines           (SzDb                *db,
                                              gint64               community_id,
                                              SzExportFlags        flags,
                                              GError             **error);
/* Issue records received in [@from, @to) (0, 0: all), oldest first, with
 * their current state and their history in one cell; a second sheet
 * (.xlsx only) has the history one entry a row.  Reporters only with
 * SZ_EXPORT_WITH_REPORTERS (their phones masked unless
 * SZ_EXPORT_FULL_PHONES). */
SzExport       *sz_export_records            (SzDb                *db,
                                              gint64               community_id,
                                              gint64               from,
                                              gint64               to,
                                              SzExportFlags        flags,
                                              GError             **error);

/* ---- Writing (sz-export-write.c) ----------------------------------------------- */

/* .xlsx or .csv (or .txt) from the file name; FALSE for anything else. */
gboolean        sz_export_format_from_path   (const char          *path,
                                              SzExportFormat      *format);
/* Writes @export to @path whole or not at all (a temporary file beside it,
 * 0600, renamed into place; an existing file is replaced).  @encoding is
 * for CSV: NULL or "UTF-8" (with a BOM), "GBK", "GB18030". */
gboolean        sz_export_write              (SzExport            *export,
                                              const char          *path,
                                              SzExportFormat       format,
                                              const char          *encoding,
                                              GError             **error);
/* What was written, for the user: rows, what the file holds, and for
 * personal data that it is readable by its owner only. */
char           *sz_export_describe           (SzExport            *export,
                                              const char          *path,
                                              SzExportFormat       format);
/* A cell as CSV writes it against formula injection: a leading ' when it
 * starts with = + - @ tab or CR (OWASP); NULL when it needs none. */
char           *sz_export_neutralise         (const char          *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SzExportTable, sz_export_table_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SzExport, sz_export_free)

G_END_DECLS
