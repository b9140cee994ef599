/* sz-sheet-formats-private.h: number formats, shared by the spreadsheet
 * readers in src/core (sz-xlsx-parts.c, sz-xls-walk.c).
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Whether a cell's number format shows its number as a date: Excel and
 * WPS number formats the same way in .xlsx and .xls, so both readers ask
 * here. */
gboolean _sz_sheet_builtin_format_is_date (guint       id);
gboolean _sz_sheet_format_code_is_date    (const char *code);

G_END_DECLS
