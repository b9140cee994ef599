/* sz-xlsx.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sz-table.h"

G_BEGIN_DECLS

/* Reads one sheet of an Office Open XML workbook (.xlsx, as Excel, WPS and
 * LibreOffice save it): shared and inline strings, numbers, dates (by the
 * cell's number format), booleans and error cells, each cell at the row
 * and column its reference names.  @sheet NULL: the first visible sheet
 * that has cells.  @file_name (may be NULL) names the file in messages. */
SzTable *sz_xlsx_parse (GBytes      *data,
                        const char  *file_name,
                        const char  *sheet,
                        GError     **error);

G_END_DECLS
