/* sz-table.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One sheet of cells as a spreadsheet shows it, whatever file it came
 * from: CSV/TXT (sz-csv.c), .xlsx (sz-xlsx.c) or .xls (sz-xls.c).  The
 * import reads only this, so every format gets the same mapping, checks
 * and messages. */

#define SZ_TABLE_ERROR (sz_table_error_quark ())

/* Errors of a file the user chose: each message names the file and, where
 * there is one, the row as the spreadsheet numbers it. */
typedef enum
{
  SZ_TABLE_ERROR_ENCODING,  /* text in no encoding we read; a NUL byte */
  SZ_TABLE_ERROR_DAMAGED,   /* text damaged by a wrong-encoding round trip (锟斤拷, U+FFFD) */
  SZ_TABLE_ERROR_SYNTAX,    /* a quoted field never closed */
  SZ_TABLE_ERROR_EMPTY,     /* no rows at all, or no rows under the header */
  SZ_TABLE_ERROR_TOO_LARGE, /* over the size limits below */
  SZ_TABLE_ERROR_FORMAT,    /* not a workbook we read: damaged, encrypted, another format */
  SZ_TABLE_ERROR_NO_SHEET,  /* the sheet asked for is not in the workbook */
} SzTableError;

/* A roster is small; a street office's is 40,000 rows.  Larger files are
 * refused before they are read. */
#define SZ_TABLE_MAX_FILE_SIZE  (64 * 1024 * 1024)
/* An .xlsx part, uncompressed: guards against zip bombs. */
#define SZ_TABLE_MAX_PART_SIZE  (512 * 1024 * 1024)

typedef enum
{
  SZ_TABLE_CSV,   /* also TXT, Excel's "Unicode text" */
  SZ_TABLE_XLSX,
  SZ_TABLE_XLS,
} SzTableFormat;

/* What a cell held in the workbook.  Text is what the reader made of it:
 * a NUMBER is its exact value in plain digits when it is a whole number
 * below 2^53 ("13800001234"), else the shortest text that reads back as
 * the same double ("1.10101199001011E+17", "3.5"); a DATE is "YYYY-MM-DD"
 * (with " HH:MM:SS" when it has a time); a BOOL is "TRUE" or "FALSE"; an
 * ERROR is Excel's code ("#N/A").  CSV cells are all TEXT. */
typedef enum
{
  SZ_CELL_EMPTY,
  SZ_CELL_TEXT,
  SZ_CELL_NUMBER,
  SZ_CELL_DATE,
  SZ_CELL_BOOL,
  SZ_CELL_ERROR,
} SzCellKind;

typedef struct _SzTable SzTable;

GQuark         sz_table_error_quark     (void);

/* Reads the file by what it is, not by its name: a zip → .xlsx, an OLE2
 * compound file → .xls, else text.  @sheet (NULL: the first visible sheet
 * that has cells) chooses a workbook's sheet; @encoding (NULL: detect; else
 * one of sz_table_encodings()) a text file's encoding.  G_FILE_ERROR
 * passes through, with the path in its message. */
SzTable       *sz_table_read_file       (const char    *path,
                                         const char    *sheet,
                                         const char    *encoding,
                                         GError       **error);
/* The text encodings a user may choose, NULL-terminated:
 * "UTF-8", "GB18030", "UTF-16LE", "UTF-16BE", "BIG5". */
const char * const *sz_table_encodings  (void);

void           sz_table_free            (SzTable       *table);

/* Where it came from. */
SzTableFormat  sz_table_get_format      (SzTable       *table);
/* The file name as messages quote it: “三长名册.xlsx” (translated quotes),
 * or “The text” when it came from no file. */
const char    *sz_table_get_display_name (SzTable      *table);
/* CSV: what was detected or chosen: "UTF-8", "UTF-8 (BOM)", "GB18030",
 * "UTF-16LE", "UTF-16BE", "BIG5"; NULL for a workbook. */
const char    *sz_table_get_encoding    (SzTable       *table);
/* CSV: ',', ';' or '\t'; 0 for a workbook. */
char           sz_table_get_separator   (SzTable       *table);
/* Workbooks: this sheet's name, and every sheet's, in the workbook's order
 * (NULL-terminated; NULL for CSV). */
const char    *sz_table_get_sheet       (SzTable       *table);
const char * const *sz_table_get_sheet_names (SzTable  *table);

/* Rows: the table keeps every row that has a non-blank cell, with the
 * number the spreadsheet shows it under (1-based; blank rows still count;
 * a CSV cell with line breaks is one row).  The header is the first kept
 * row until sz_table_set_header() chooses another (a title row above the
 * header is common).  "Data rows" are the kept rows below the header,
 * numbered from 0. */
guint          sz_table_get_n_all_rows  (SzTable       *table);
/* Chooses the header among all rows (0 = the first kept row). */
void           sz_table_set_header      (SzTable       *table,
                                         guint          all_row);
guint          sz_table_get_header_row  (SzTable       *table);
/* Never NULL: "" where the row has no such cell. */
const char    *sz_table_get_all         (SzTable       *table,
                                         guint          all_row,
                                         guint          column);
guint          sz_table_get_all_line    (SzTable       *table,
                                         guint          all_row);

/* The header's cells, trimmed; columns run to the widest row. */
guint          sz_table_get_n_columns   (SzTable       *table);
const char    *sz_table_get_header      (SzTable       *table,
                                         guint          column);
guint          sz_table_get_n_rows      (SzTable       *table);
/* A data row's cell, never NULL: trimmed of white space (also U+3000,
 * U+00A0 and stray BOMs); "" for a cell the row lacks. */
const char    *sz_table_get             (SzTable       *table,
                                         guint          row,
                                         guint          column);
SzCellKind     sz_table_get_kind        (SzTable       *table,
                                         guint          row,
                                         guint          column);
/* The spreadsheet's row number of a data row, for messages. */
guint          sz_table_get_line        (SzTable       *table,
                                         guint          row);
/* CSV: how many fields the record had, as written (trailing empty ones
 * included), for the header (sz_table_get_header_n_fields) and a data row;
 * the import checks they agree.  Workbooks: 0. */
guint          sz_table_get_header_n_fields (SzTable   *table);
guint          sz_table_get_n_fields    (SzTable       *table,
                                         guint          row);

/* A header cell as headers are compared: NFKC, no white space (ASCII or
 * U+3000), ASCII lower case, without a required-field mark (“*”, “＊”,
 * “(必填)”) or a bracketed note in ASCII or full-width brackets
 * (“电话（手机）” → “电话”, “户数[户]” → “户数”). */
char          *sz_table_header_key      (const char    *header);
/* The first column whose header key equals the key of one of the
 * NULL-terminated @names; -1 if none does. */
int            sz_table_find_column     (SzTable       *table,
                                         const char * const *names);

/* For the readers: a new, empty table, and rows added in order.
 * @display_name is what messages quote (sz_table_quote_file_name()). */
SzTable       *sz_table_new             (SzTableFormat  format,
                                         const char    *display_name);
void           sz_table_set_encoding    (SzTable       *table,
                                         const char    *encoding,
                                         char           separator);
void           sz_table_set_sheets      (SzTable       *table,
                                         const char    *sheet,
                                         const char * const *names);
/* Starts a row with the spreadsheet's number for it (numbers only grow). */
void           sz_table_begin_row       (SzTable       *table,
                                         guint          line);
/* Sets a cell of the row begun last; columns may come in any order and
 * with gaps.  The text is trimmed as sz_table_get() promises. */
void           sz_table_set_cell        (SzTable       *table,
                                         guint          column,
                                         SzCellKind     kind,
                                         const char    *text,
                                         gssize         len);
/* Ends the row: a row with no non-blank cell is dropped.  @n_fields is a
 * CSV record's field count as written, 0 for workbooks. */
void           sz_table_end_row         (SzTable       *table,
                                         guint          n_fields);
/* “%s” around the file's base name, translated; “The text” for NULL. */
char          *sz_table_quote_file_name (const char    *path);
/* The number Excel shows for an .xlsx/.xls number cell, as the table
 * keeps it (see SzCellKind). */
char          *sz_table_format_number   (double         value);
/* An Excel serial day (1900 system, with its 1900-02-29; or 1904) as
 * "YYYY-MM-DD" or "YYYY-MM-DD HH:MM:SS"; NULL when out of range. */
char          *sz_table_format_serial_date (double      serial,
                                         gboolean       date1904);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SzTable, sz_table_free)

G_END_DECLS
