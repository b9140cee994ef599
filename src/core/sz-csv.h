/* sz-csv.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SZ_CSV_ERROR (sz_csv_error_quark ())

/* Errors of a file the user chose: each message names the file and, where
 * there is one, the line. */
typedef enum
{
  SZ_CSV_ERROR_ENCODING,  /* neither UTF-8, UTF-16 nor GB18030; a NUL byte; a workbook */
  SZ_CSV_ERROR_SYNTAX,    /* a quoted field that is never closed */
  SZ_CSV_ERROR_EMPTY,     /* no header, or no rows under it */
  SZ_CSV_ERROR_TOO_LARGE, /* over SZ_CSV_MAX_SIZE */
} SzCsvError;

/* Rosters are small: larger files are refused, not read. */
#define SZ_CSV_MAX_SIZE (20 * 1024 * 1024)

/* A parsed table, all in memory: a header and the rows under it. */
typedef struct _SzCsv SzCsv;

GQuark       sz_csv_error_quark   (void);

/* Reads what Excel and WPS save as CSV: UTF-8 with or without a BOM,
 * GBK/GB18030, or UTF-16 “Unicode text” with a BOM; comma, semicolon or
 * TAB separated; RFC 4180 quoting; CRLF, LF or CR line ends.  @file_name
 * (may be NULL) names the file in messages. */
SzCsv       *sz_csv_parse         (GBytes      *data,
                                   const char  *file_name,
                                   GError     **error);
/* G_FILE_ERROR passes through, with the path in its message. */
SzCsv       *sz_csv_read_file     (const char  *path,
                                   GError     **error);
void         sz_csv_free          (SzCsv       *csv);

/* What was detected: "UTF-8", "UTF-8 (BOM)", "GB18030", "UTF-16LE" or
 * "UTF-16BE". */
const char  *sz_csv_get_encoding  (SzCsv       *csv);
/* ',', ';' or '\t' */
char         sz_csv_get_separator (SzCsv       *csv);
/* Data rows: the header is not one, and blank rows (every field empty or
 * white space) are skipped. */
guint        sz_csv_get_n_rows    (SzCsv       *csv);
/* The header's columns; a row may have fewer or more fields. */
guint        sz_csv_get_n_columns (SzCsv       *csv);
/* Trimmed of white space (also full-width) and leftover BOMs. */
const char  *sz_csv_get_header    (SzCsv       *csv,
                                   guint        column);
/* The first column whose header is one of the NULL-terminated @names,
 * ignoring ASCII case, spaces, full-width/half-width forms and a “*” or
 * “(必填)” marker; -1 if none is. */
int          sz_csv_find_column   (SzCsv       *csv,
                                   const char * const *names);
/* Never NULL: "" for a field the row lacks.  Trimmed of white space (also
 * U+3000 and U+00A0); a leading apostrophe is kept. */
const char  *sz_csv_get           (SzCsv       *csv,
                                   guint        row,
                                   guint        column);
/* The 1-based row number a spreadsheet shows for @row (the header's is 1
 * when nothing is above it; blank rows count, a cell with line breaks is
 * one row), for messages. */
guint        sz_csv_get_line      (SzCsv       *csv,
                                   guint        row);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SzCsv, sz_csv_free)

G_END_DECLS
