/* sz-xls.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sz-table.h"

G_BEGIN_DECLS

/* Reads one sheet of an Excel 97–2003 workbook (.xls, BIFF8, as Excel and
 * WPS still save it) through libfreexl.  @sheet NULL: the first visible
 * sheet that has cells.  Dates come as dates, numbers as SzCellKind says. */
SzTable *sz_xls_read_file (const char  *path,
                           const char  *sheet,
                           GError     **error);
/* The same from memory (libfreexl reads files: through a private 0600
 * temporary file that is removed before returning). */
SzTable *sz_xls_parse     (GBytes      *data,
                           const char  *file_name,
                           const char  *sheet,
                           GError     **error);

G_END_DECLS
