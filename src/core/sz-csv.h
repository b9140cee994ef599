/* sz-csv.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sz-table.h"

G_BEGIN_DECLS

/* Reads what Excel and WPS save as CSV or as “Unicode text” (TXT): UTF-8
 * with or without a BOM, GBK/GB18030, UTF-16 with or without a BOM, Big5
 * only when asked; comma, semicolon or TAB separated; RFC 4180 quoting;
 * CRLF, LF or CR line ends.  @encoding NULL detects it; otherwise one of
 * sz_table_encodings().  @file_name (may be NULL) names the file in
 * messages.  Text damaged by a wrong-encoding round trip is refused with
 * SZ_TABLE_ERROR_DAMAGED. */
SzTable *sz_csv_parse (GBytes      *data,
                       const char  *file_name,
                       const char  *encoding,
                       GError     **error);

G_END_DECLS
