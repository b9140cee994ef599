/* sz-text-damage.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sz-table.h"

G_BEGIN_DECLS

/* Text that a wrong-encoding round trip damaged: a CSV file opened in WPS
 * or Excel in the wrong encoding and saved again, or a workbook filled
 * from such a file.  Used by the CSV reader cell by cell, and on whole
 * workbook tables. */

/* U+FFFD, or two of them read as GBK: “锟斤拷”. */
gboolean  sz_text_has_lost_characters (const char  *s,
                                       gsize        len);
/* What @s was when it is UTF-8 text that was read as GBK and saved again
 * (张三 → 寮犱笁), or GBK text read as Latin-1 (张三 → ÕÅÈý); NULL when it
 * is neither.  Strict enough that no name of GB2312 characters is taken
 * for damage. */
char     *sz_text_damaged_was         (const char  *s,
                                       gsize        len);
/* A (0), B, … Z, AA (26): a column as a spreadsheet names it. */
void      sz_text_column_letters      (guint        column,
                                       char         buf[8]);
/* The first 20 characters of @text for messages, line breaks as spaces,
 * “…” for the rest. */
char     *sz_text_quote               (const char  *text,
                                       gssize       len);
/* SZ_TABLE_ERROR_DAMAGED naming the file, row and column: characters lost
 * (@was_quoted NULL), or text that was @was_quoted before. */
void      sz_text_set_damage_error    (GError     **error,
                                       const char  *who,
                                       guint        row,
                                       guint        column,
                                       const char  *quoted,
                                       const char  *was_quoted);
/* The same checks on every cell of a table from a workbook: lost
 * characters in one cell, or two cells that read as other text. */
gboolean  sz_table_check_damage       (SzTable     *table,
                                       GError     **error);

G_END_DECLS
